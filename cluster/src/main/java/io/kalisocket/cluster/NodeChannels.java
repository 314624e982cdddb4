package io.kalisocket.cluster;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes notices to nodes: on a node's own channel ({@code ks:ch:<node>}, a sharded channel in a slot of its own
 * on a Redis Cluster, so each node's traffic is on one shard) or on the shared one ({@code ks:ch:all}). Notices from
 * one thread to one node arrive in the order published: one connection per Redis server carries them.
 */
final class NodeChannels {

    private final RedisLink redis;
    private final Keys keys;

    NodeChannels(RedisLink redis, Keys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** @param node a node @param notice what it must do @return how many subscribers got it, later */
    CompletableFuture<Long> tell(String node, String notice) {
        return redis.publish(keys.channel(node), notice, keys.sharded()).toCompletableFuture();
    }

    /** @param notice what every node must do @return how many subscribers got it, later */
    CompletableFuture<Long> tellAll(String notice) {
        return redis.publish(keys.channelAll(), notice, keys.sharded()).toCompletableFuture();
    }

    /**
     * @param operation what the publishes are for, for the error message
     * @param published publishes made
     * @throws ClusterUnavailableException when Redis did not take one of them
     */
    void await(String operation, List<CompletableFuture<Long>> published) {
        if (!published.isEmpty()) {
            redis.await(operation, CompletableFuture.allOf(published.toArray(CompletableFuture[]::new)));
        }
    }
}
