package io.kalisocket.spi;

import io.kalisocket.KaliClock;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;

/** This node as an extension sees it: its id, the gateway over its own connections only, and its clock. */
public interface LocalNode {

    /** @return this node's id, the first part of every client id it makes */
    String nodeId();

    /** @return the gateway over this node's connections only (what a cluster gateway delivers through) */
    Gateway gateway();

    /** @return the server's clock ({@link io.kalisocket.KaliServer#clock}): an extension's timers read it too */
    KaliClock clock();

    /**
     * Forgets a connection another node took over: it leaves every group here and its uid no longer leads to
     * it, without any close action running. Idempotent.
     *
     * @param connection a connection {@link RecoveryStore.Control#release released} from this node
     */
    void forget(Connection connection);

    /**
     * @param clientId a client id made by any node
     * @return the id of the node that made it
     */
    static String nodeOf(String clientId) {
        return io.kalisocket.internal.connection.ClientIdGenerator.nodeOf(clientId);
    }
}
