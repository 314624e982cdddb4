package io.kalisocket.cluster;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain Redis client beside a test's nodes, on either kind of Redis (one Redis or a Redis Cluster, whose commands
 * go to the primary serving each key), to look at and stage what the cluster stores under the names {@link Keys}
 * gives.
 */
final class RedisView implements AutoCloseable {

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;
    private final List<StatefulConnection<String, String>> listeners = new ArrayList<>();

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

    /**
     * @param channel a channel, e.g. {@code Keys.channel(node)}: a node's own is sharded on a Redis Cluster, as the
     *     nodes publish there ({@code SPUBLISH})
     * @return every message published on it from now on (subscribed when this returns), closed with this
     */
    synchronized List<String> listen(String channel) {
        List<String> heard = new CopyOnWriteArrayList<>();
        if (client instanceof RedisClusterClient cluster) {
            StatefulRedisClusterPubSubConnection<String, String> pubSub = cluster.connectPubSub();
            listeners.add(pubSub);
            pubSub.setNodeMessagePropagation(true);
            pubSub.addListener(new RedisClusterPubSubAdapter<>() {
                @Override
                public void smessage(RedisClusterNode node, String shardChannel, String message) {
                    heard.add(message);
                }
            });
            RedisClusterNode owner = pubSub.getPartitions().getMasterBySlot(SlotHash.getSlot(channel));
            pubSub.getConnection(owner.getUri().getHost(), owner.getUri().getPort()).sync().ssubscribe(channel);
        } else {
            StatefulRedisPubSubConnection<String, String> pubSub = ((RedisClient) client).connectPubSub();
            listeners.add(pubSub);
            pubSub.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    heard.add(message);
                }
            });
            pubSub.sync().subscribe(channel);
        }
        return heard;
    }

    @Override
    public synchronized void close() {
        listeners.forEach(StatefulConnection::close);
        connection.close();
        client.shutdown();
    }
}
