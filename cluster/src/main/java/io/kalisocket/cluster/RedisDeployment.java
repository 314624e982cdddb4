package io.kalisocket.cluster;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The Lettuce client and connections for one kind of Redis deployment: one Redis (also behind Sentinel) or a
 * Redis Cluster. {@link RedisLink} turns their errors into {@link ClusterUnavailableException}s.
 */
interface RedisDeployment extends AutoCloseable {

    /** The scheme of a Redis Cluster's URI: {@code redis-cluster://host:port[,host:port...]}. */
    String CLUSTER_SCHEME = "redis-cluster";

    /**
     * @param config the cluster's settings
     * @param onConnected runs whenever Redis may have lost what this node wrote: a connection made again (a restart,
     *     a failover; on a Lettuce thread), a Redis Cluster's slot served by a promoted replica; not for the first
     *     connection nor for a Redis Cluster's short-lived topology probes
     * @return the deployment the URI names, connected
     */
    static RedisDeployment connect(ClusterConfig config, Runnable onConnected) {
        return isCluster(config.redisUri()) ? new ShardedRedis(config, onConnected)
                : new SingleRedis(config, onConnected);
    }

    /** @param uri a Redis URI @return true when it names a Redis Cluster */
    static boolean isCluster(URI uri) {
        return CLUSTER_SCHEME.equalsIgnoreCase(uri.getScheme());
    }

    /** @return the commands, sent in call order per Redis server (all of one slot's on one connection) */
    RedisClusterAsyncCommands<String, String> async();

    /** @param source a script to put in every server's script cache (again after a restart or failover) */
    void loadScript(String source);

    /**
     * Subscribes the listener to channels, classic or sharded (Redis Cluster) as the deployment needs.
     *
     * @param listener gets every message, on a Lettuce thread, in order per channel
     * @param channels the channels
     */
    void subscribe(Consumer<String> listener, String... channels);

    /** Subscribes again where a topology change moved a sharded channel (a no-op for one Redis). */
    void followTopology();

    /**
     * @param uri a Redis URI of any kind
     * @return where Redis is, for messages: {@code host:port}, {@code sentinel master@host:port} or
     *     {@code cluster host:port} (the first node named)
     */
    static String where(URI uri) {
        if (isCluster(uri)) {
            RedisURI seed = ShardedRedis.seeds(uri, Duration.ofSeconds(1)).get(0);
            return "cluster " + seed.getHost() + ":" + seed.getPort();
        }
        RedisURI single = SingleRedis.lettuceUri(uri);
        if (single.getSentinels().isEmpty()) {
            return single.getHost() + ":" + single.getPort();
        }
        RedisURI sentinel = single.getSentinels().get(0);
        return "sentinel " + single.getSentinelMasterId() + "@" + sentinel.getHost() + ":" + sentinel.getPort();
    }

    @Override
    void close();
}
