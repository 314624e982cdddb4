package io.kalisocket.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The connections' records, each in its client's own slot on a Redis Cluster ({@code ks:c:{<client>}}: the node
 * holding the connection and its user; beside it its groups, route version, marks, session and recovery stream), and
 * the nodes' lists of the connections they registered, each in its node's slot ({@code ks:n:{<node>}}).
 *
 * <p>Which node holds a connection is its record's: the lists only tell a survivor what to purge when a node dies
 * and what cluster-wide counts sum. So a list is written before the records it covers and after the records it
 * stops covering (a list always holds every connection whose record names its node), and a connection can be in two
 * lists for a moment while a claim moves it (counts may then count it twice).
 */
final class ConnectionRecords {

    private final RedisLink redis;
    private final Keys keys;
    private final String self;

    ConnectionRecords(RedisLink redis, Keys keys, String self) {
        this.redis = redis;
        this.keys = keys;
        this.self = self;
    }

    /** @return this node's id */
    String self() {
        return self;
    }

    /**
     * Registers connections of this node: listed first, then each record names this node unless another node holds
     * the connection already (a claim took it: a late registration must not take it back).
     *
     * @param clientIds connections this node holds
     * @return later, once written
     */
    CompletableFuture<Void> register(Collection<String> clientIds) {
        return redis.async().sadd(keys.clients(self), clientIds.toArray(String[]::new)).toCompletableFuture()
                .thenCompose(listed -> CompletableFuture.allOf(clientIds.stream()
                        .map(id -> run(Script.REGISTER, id, self)).toArray(CompletableFuture[]::new)));
    }

    /** @param node a node @param clientIds connections it no longer holds @return later, once unlisted */
    CompletableFuture<Long> unlist(String node, Collection<String> clientIds) {
        return redis.async().srem(keys.clients(node), clientIds.toArray(String[]::new)).toCompletableFuture();
    }

    /** @param node a node @param clientId a connection it is about to hold @return later, once listed */
    CompletableFuture<Long> list(String node, String clientId) {
        return redis.async().sadd(keys.clients(node), clientId).toCompletableFuture();
    }

    /** @param clientId a connection @return 1 when some node holds it (open or parked), else 0, later */
    CompletableFuture<Long> online(String clientId) {
        return run(Script.ONLINE, clientId);
    }

    /**
     * @param clientId a connection
     * @return {1 when registered else 0, the node holding it (else its id's node)}, later
     */
    CompletableFuture<List<Object>> where(String clientId) {
        return run(Script.WHERE, clientId, clientId);
    }

    /**
     * A change of a connection this node holds ({@link Script#BIND}, {@link Script#UNBIND}, {@link Script#JOIN},
     * {@link Script#LEAVE}): refused (first element 0) when another node holds it.
     *
     * @param script the change
     * @param clientId the connection
     * @param arg its user or group
     * @return the script's answer, later
     */
    CompletableFuture<List<Object>> write(Script script, String clientId, String arg) {
        return run(script, clientId, self, arg);
    }

    /**
     * @param clientId a connection
     * @return its route: {1 when online else 0, 1, the node to deliver to, its stamp} (see {@code lua/lib.lua}), later
     */
    CompletableFuture<List<Object>> route(String clientId) {
        return run(Script.TO_CLIENT, clientId, clientId);
    }

    /**
     * @param node the node dropping it
     * @param clientId a connection
     * @return {1, its uid or '', its epoch, G, its G groups} when the node may drop it; {0} when another node holds
     *     it now; later
     */
    CompletableFuture<List<Object>> held(String node, String clientId) {
        return run(Script.HELD, clientId, node, clientId);
    }

    /**
     * @param node the node dropping it
     * @param clientId a connection, already out of its user's and groups' hashes
     * @return 1 when its record, groups, route, session and stream are deleted, 0 when another node holds it now;
     *     later
     */
    CompletableFuture<Long> drop(String node, String clientId) {
        String[] own = keys.clientKeys(clientId);
        String[] all = {own[0], own[1], own[2], own[3], keys.session(clientId), keys.streamMeta(clientId),
            keys.stream(clientId)};
        return redis.runOn(Script.DROP, ScriptOutputType.INTEGER, all, node, clientId);
    }

    /** @param clientId a member of a dissolved group @param group the group @return later, once it left */
    CompletableFuture<Long> leftDissolved(String clientId, String group) {
        return redis.async().srem(keys.clientGroups(clientId), group).toCompletableFuture();
    }

    private <T> CompletableFuture<T> run(Script script, String clientId, String... args) {
        ScriptOutputType type = script == Script.ONLINE || script == Script.REGISTER ? ScriptOutputType.INTEGER
                : ScriptOutputType.MULTI;
        return redis.runOn(script, type, keys.clientKeys(clientId), args);
    }
}
