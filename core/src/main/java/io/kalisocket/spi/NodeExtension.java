package io.kalisocket.spi;

import io.kalisocket.cache.Cache;
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
}
