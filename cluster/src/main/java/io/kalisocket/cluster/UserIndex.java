package io.kalisocket.cluster;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The users' hashes (client id -> {@code node|epoch}), each in its user's own slot on a Redis Cluster with the
 * user's route version and marks (docs/CLUSTER.md, sharding plan step 2b): written by the node holding a connection,
 * its one writer, after the connection's record said so; the epoch (how many claims moved the connection so far) makes
 * the user's slot refuse a late write of a node a claim took the connection from. Every change of where a user's
 * connections are is told to every node's near cache ({@link UidRoutes}). The list of users with a connection is
 * kept beside the hashes ({@link EntityLists}).
 */
final class UserIndex {

    private final RedisLink redis;
    private final NodeChannels channels;
    private final Keys keys;
    private final String self;
    private final EntityLists lists;

    UserIndex(RedisLink redis, NodeChannels channels, Keys keys, String self) {
        this.lists = new EntityLists(redis);
        this.redis = redis;
        this.channels = channels;
        this.keys = keys;
        this.self = self;
    }

    /**
     * @param clientId a connection bound to the user
     * @param uid the user
     * @param node the node holding it
     * @param epoch its claims so far
     * @return later, once written and told
     */
    CompletableFuture<Void> add(String clientId, String uid, String node, long epoch) {
        return redis.<Long>runOn(Script.USER_ADD, ScriptOutputType.INTEGER, new String[] {keys.uid(uid)}, clientId,
                        node, Long.toString(epoch))
                .thenCompose(added -> added == 1L ? changed(uid) : CompletableFuture.completedFuture(null))
                .thenCompose(told -> lists.listed(keys.uids(), uid));
    }

    /**
     * @param clientId a connection no longer bound to the user
     * @param uid the user
     * @param epoch its claims so far
     * @return later, once removed, told, and the user unlisted when it has no connection left
     */
    CompletableFuture<Void> remove(String clientId, String uid, long epoch) {
        return redis.<List<Object>>runOn(Script.USER_REMOVE, ScriptOutputType.MULTI, new String[] {keys.uid(uid)},
                        clientId, Long.toString(epoch))
                .thenCompose(answer -> {
                    CompletableFuture<Void> told = (Long) answer.get(0) == 1L ? changed(uid)
                            : CompletableFuture.completedFuture(null);
                    return (Long) answer.get(1) > 0L ? told
                            : told.thenCompose(t -> lists.emptied(keys.uids(), uid, keys.uid(uid)));
                });
    }

    /**
     * A claim's step in the user's slot, after its step in the connection's.
     *
     * @param clientId the connection claimed
     * @param uid its user
     * @param epoch its claims, this one included
     * @param oldNode the node it was claimed from
     * @return later, the version the user switched at
     */
    CompletableFuture<Long> switchHere(String clientId, String uid, long epoch, String oldNode) {
        return redis.<Long>runOn(Script.USER_SWITCH, ScriptOutputType.INTEGER, keys.userKeys(uid), clientId, self,
                        Long.toString(epoch), oldNode)
                .thenCompose(version -> changed(uid).thenApply(told -> version));
    }

    /** @param uid a user @return later, where its connections are ({@code routed} in {@code lua/lib.lua}) */
    CompletableFuture<List<Object>> route(String uid) {
        return redis.runOn(Script.USER_ROUTE, ScriptOutputType.MULTI, keys.userKeys(uid), self, "u:" + uid);
    }

    /** Every node's near cache forgets the user's route. */
    private CompletableFuture<Void> changed(String uid) {
        return channels.tellAll(UidRoutes.CHANGED + uid).thenApply(told -> null);
    }
}
