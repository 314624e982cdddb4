package io.kalisocket.cluster;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.URI;
import java.time.Duration;

/**
 * A plain Redis client beside a test's nodes, on either kind of Redis (one Redis or a Redis Cluster, whose commands
 * go to the primary serving each key), to look at and stage what the cluster stores under the names {@link Keys}
 * gives.
 */
final class RedisView implements AutoCloseable {

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;

    /** @param uri the cluster's {@code --redis}: {@code redis://...} or {@code redis-cluster://...} */
    RedisView(String uri) {
        if (RedisDeployment.isCluster(URI.create(uri))) {
            RedisClusterClient cluster = RedisClusterClient.create(ShardedRedis.seeds(URI.create(uri),
                    Duration.ofSeconds(10)));
            StatefulRedisClusterConnection<String, String> c = cluster.connect();
            client = cluster;
            connection = c;
            commands = c.sync();
        } else {
            RedisClient single = RedisClient.create(uri);
            var c = single.connect();
            client = single;
            connection = c;
            commands = c.sync();
        }
    }

    /** @return synchronous commands */
    RedisClusterCommands<String, String> sync() {
        return commands;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
