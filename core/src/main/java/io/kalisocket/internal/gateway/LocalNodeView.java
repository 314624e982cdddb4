package io.kalisocket.internal.gateway;

import io.kalisocket.KaliClock;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.spi.LocalNode;

/**
 * This node as extensions see it.
 *
 * @param nodeId this node's id
 * @param local the gateway over this node's connections
 * @param clock the server's clock
 */
public record LocalNodeView(String nodeId, LocalGateway local, KaliClock clock) implements LocalNode {

    @Override
    public Gateway gateway() {
        return local;
    }

    @Override
    public void forget(Connection connection) {
        // Only this server's own connections are ever released to an extension.
        local.forget((ChannelConnection) connection);
    }
}
