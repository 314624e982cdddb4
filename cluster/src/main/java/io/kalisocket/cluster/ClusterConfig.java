package io.kalisocket.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node joins the cluster. The node's id is not set here: it is the server's own
 * ({@code server.node-id}, random when empty), the first part of every client id it makes.
 *
 * @param redisUri where Redis is: one Redis {@code redis://[:password@]host:port[/db]} ({@code rediss://} for TLS),
 *     a Sentinel set {@code redis-sentinel://host:port[,host:port...]/mastername} (the node follows a failover), or
 *     a Redis Cluster {@code redis-cluster://[password@]host:port[,host:port...]} (its seed nodes; the key prefix is
 *     then hash-tagged, {@code ks:} becoming {@code {ks:}}, and node channels are sharded)
 * @param keyPrefix prefix of every key and channel, so several apps can share one Redis; default {@code ks:}
 * @param nodeTtl bound on how long a node that died abruptly still counts: its connections disappear from
 *     every count and list within this time; default 15 s. Its heartbeat key lives {@code 2/3} of it and is
 *     renewed every {@code 1/6} of it, which is also how often survivors look for dead nodes
 * @param commandTimeout longest wait for one Redis command; default 2 s. While Redis is unreachable,
 *     commands fail at once (they are not queued), so this only bounds a Redis that accepts but stalls
 * @param reconcileInterval how often the node compares its connections with what it registered in Redis and
 *     repairs the difference; default 5 s. Opens and closes are written at once (core's connection hook): this
 *     only catches writes that failed, e.g. a command that timed out
 * @param nearCacheTtl how long a node keeps a user's route (the nodes holding its connections) for private
 *     messages without asking Redis; default 5 s, zero turns the near cache off. Route changes reach every node at
 *     once (a notice per bind/unbind/close); this bounds an entry's staleness when such a notice is lost
 */
public record ClusterConfig(URI redisUri, String keyPrefix, Duration nodeTtl, Duration commandTimeout,
        Duration reconcileInterval, Duration nearCacheTtl) {

    /** Checks every value. */
    public ClusterConfig {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive(nodeTtl, "nodeTtl");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(reconcileInterval, "reconcileInterval");
        if (nearCacheTtl == null || nearCacheTtl.isNegative()) {
            throw new IllegalArgumentException("nearCacheTtl must be zero (off) or positive");
        }
        if (nodeTtl.toMillis() < 600) {
            throw new IllegalArgumentException("nodeTtl must be at least 600 ms");
        }
    }

    /**
     * @param redisUri where Redis is, e.g. {@code redis://127.0.0.1:6379}
     * @return the documented defaults for that Redis
     */
    public static ClusterConfig of(String redisUri) {
        return new ClusterConfig(URI.create(redisUri), "ks:", Duration.ofSeconds(15), Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    /** @param ttl the new bound on a dead node's presence @return a copy with it */
    public ClusterConfig withNodeTtl(Duration ttl) {
        return new ClusterConfig(redisUri, keyPrefix, ttl, commandTimeout, reconcileInterval, nearCacheTtl);
    }

    /** @param interval the new reconcile interval @return a copy with it */
    public ClusterConfig withReconcileInterval(Duration interval) {
        return new ClusterConfig(redisUri, keyPrefix, nodeTtl, commandTimeout, interval, nearCacheTtl);
    }

    /** @param ttl the new near cache bound, zero for none @return a copy with it */
    public ClusterConfig withNearCacheTtl(Duration ttl) {
        return new ClusterConfig(redisUri, keyPrefix, nodeTtl, commandTimeout, reconcileInterval, ttl);
    }

    /** @param prefix the new key prefix @return a copy with it */
    public ClusterConfig withKeyPrefix(String prefix) {
        return new ClusterConfig(redisUri, prefix, nodeTtl, commandTimeout, reconcileInterval, nearCacheTtl);
    }

    /** @return how long the heartbeat key lives: two thirds of {@link #nodeTtl} */
    public Duration heartbeatKeyTtl() {
        return nodeTtl.multipliedBy(2).dividedBy(3);
    }

    /** @return how often the heartbeat is renewed and dead nodes are looked for: a sixth of {@link #nodeTtl} */
    public Duration heartbeatInterval() {
        return nodeTtl.dividedBy(6);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
