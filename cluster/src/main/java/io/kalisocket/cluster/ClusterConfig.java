package io.kalisocket.cluster;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How a node joins the cluster. The node's id is not set here: it is the server's own
 * ({@code server.node-id}, random when empty), the first part of every client id it makes.
 *
 * @param redisUri where Redis is, e.g. {@code redis://127.0.0.1:6379} (Lettuce URI syntax: password,
 *     database, {@code rediss://} for TLS and {@code redis-sentinel://} work)
 * @param keyPrefix prefix of every key and channel, so several apps can share one Redis; default {@code ks:}
 * @param nodeTtl bound on how long a node that died abruptly still counts: its connections disappear from
 *     every count and list within this time; default 15 s. Its heartbeat key lives {@code 2/3} of it and is
 *     renewed every {@code 1/6} of it, which is also how often survivors look for dead nodes
 * @param commandTimeout longest wait for one Redis command; default 2 s. While Redis is unreachable,
 *     commands fail at once (they are not queued), so this only bounds a Redis that accepts but stalls
 * @param syncInterval how often new and closed local connections are written to Redis; default 200 ms
 */
public record ClusterConfig(URI redisUri, String keyPrefix, Duration nodeTtl, Duration commandTimeout,
        Duration syncInterval) {

    /** Checks every value. */
    public ClusterConfig {
        Objects.requireNonNull(redisUri, "redisUri");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        requirePositive(nodeTtl, "nodeTtl");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(syncInterval, "syncInterval");
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
                Duration.ofMillis(200));
    }

    /** @param ttl the new bound on a dead node's presence @return a copy with it */
    public ClusterConfig withNodeTtl(Duration ttl) {
        return new ClusterConfig(redisUri, keyPrefix, ttl, commandTimeout, syncInterval);
    }

    /** @param prefix the new key prefix @return a copy with it */
    public ClusterConfig withKeyPrefix(String prefix) {
        return new ClusterConfig(redisUri, prefix, nodeTtl, commandTimeout, syncInterval);
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
