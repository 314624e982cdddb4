package io.kalisocket.spi;

import io.kalisocket.cache.Cache;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a module plugs into a server before it starts: the cluster module puts its gateway, cache and recovery
 * store in through here. Every method has a default that leaves the server as it is: implement what you need.
 * Installed with {@link io.kalisocket.KaliServer#use(NodeExtension)}; at most one installed extension may
 * replace each part (gateway, cache, recovery store), and a second one is a start-up error.
 */
public interface NodeExtension {

    /**
     * Called once while the server starts, before it listens.
     *
     * @param node this node: its id and its local gateway
     * @return the gateway actions and the application use; the node's local gateway to leave it as it is
     */
    default Gateway gateway(LocalNode node) {
        return node.gateway();
    }

    /** @return the cache behind the receipts' dedup window; empty for the server's own local cache */
    default Optional<Cache> cache() {
        return Optional.empty();
    }

    /**
     * Asked after {@link #gateway(LocalNode)}, and only when connection recovery is enabled.
     *
     * @return where recoverable connections are known beyond this node; empty to keep them in its memory
     */
    default Optional<RecoveryStore> recoveryStore() {
        return Optional.empty();
    }

    /**
     * @return sections to add to the admin endpoint's {@code /status}, by key (e.g. {@code cluster}), each
     *     computed on every request (maps, lists, numbers, strings)
     */
    default Map<String, Supplier<Object>> statusSections() {
        return Map.of();
    }

    /**
     * A connection starts living on this node: its WebSocket handshake completed and it is in the node's list
     * ({@code getAllClientIdList}), or another node handed it over here (connection recovery). Called once per
     * arrival, on the thread that added it (the connection's event loop), before any action of the connection runs:
     * its connect action, its messages' actions and the binding of an authenticated principal's uid all come after,
     * so read its uid in a later call, not here. Must not block (it holds up the event loop); hand slow work to
     * an executor of your own. A failure is logged and does not affect the connection.
     *
     * @param connection the connection, open
     */
    default void connectionOpened(Connection connection) {
    }

    /**
     * A connection stops living on this node: it ended for good (its socket closed and it is not recoverable, or
     * its recovery window passed), or another node took it over. Not called when it is only parked for connection
     * recovery: a parked connection is still this node's. Called once, right after it left the node's list, on the
     * thread that removed it (the connection's event loop, the recovery timer, or the thread releasing it to
     * another node); its close action ({@code offline}) and {@code onClose} may still be queued behind it. Must not
     * block. A failure is logged.
     *
     * @param connection the connection, no longer in this node's list
     */
    default void connectionClosed(Connection connection) {
    }
}
