package io.kalisocket.bench;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --redis}: the Redis of the cluster scenarios.
 *
 * @param given        a Redis someone runs: {@code redis://HOST:PORT}, a Redis Cluster
 *                     {@code redis-cluster://HOST:PORT[,HOST:PORT...]} or a Sentinel set
 *                     {@code redis-sentinel://HOST:PORT[,HOST:PORT...]/MASTER}, every host a loopback one; empty (the
 *                     default): the bench starts its own
 * @param localCluster {@code --redis local-cluster}: the bench's own Redis is a Redis Cluster of 3 primaries on free
 *                     loopback ports rather than one {@code redis-server}
 */
public record BenchRedis(Optional<URI> given, boolean localCluster) {

    /** The {@code --redis} value that asks for the bench's own Redis Cluster. */
    public static final String LOCAL_CLUSTER = "local-cluster";

    private static final Set<String> SCHEMES = Set.of("redis", "redis-cluster", "redis-sentinel");

    /** Validates: a given Redis has loopback hosts only, and is not also the bench's own cluster. */
    public BenchRedis {
        if (given.isPresent() && localCluster) {
            throw new IllegalArgumentException("--redis is either a URI or " + LOCAL_CLUSTER);
        }
        given.ifPresent(BenchRedis::requireLoopback);
    }

    /** @return the default: the bench starts one {@code redis-server} of its own */
    public static BenchRedis own() {
        return new BenchRedis(Optional.empty(), false);
    }

    /**
     * @param value what followed {@code --redis}
     * @return it, checked
     * @throws IllegalArgumentException for another scheme or a host that is not a loopback one
     */
    public static BenchRedis parse(String value) {
        return value.equals(LOCAL_CLUSTER) ? new BenchRedis(Optional.empty(), true)
                : new BenchRedis(Optional.of(URI.create(value)), false);
    }

    private static void requireLoopback(URI uri) {
        String authority = uri.getRawAuthority();
        if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase()) || authority == null) {
            throw new IllegalArgumentException("--redis must be redis://, redis-cluster:// or redis-sentinel:// on "
                    + "loopback hosts, or " + LOCAL_CLUSTER + "; got " + uri);
        }
        // a cluster's or sentinel set's authority lists several host:port, which java.net.URI does not parse
        for (String hostPort : authority.substring(authority.lastIndexOf('@') + 1).split(",")) {
            int colon = hostPort.lastIndexOf(':');
            String host = colon > 0 && !hostPort.endsWith("]") ? hostPort.substring(0, colon) : hostPort;
            if (!Loopback.isLoopback(host)) {
                throw new IllegalArgumentException("--redis hosts must be loopback ones, got " + uri);
            }
        }
    }
}
