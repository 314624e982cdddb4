package io.kalisocket.cluster;

import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.Partitions;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.cluster.pubsub.RedisClusterPubSubAdapter;
import io.lettuce.core.cluster.pubsub.StatefulRedisClusterPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Redis Cluster ({@code redis-cluster://[password@]host:port[,host:port...]}, Redis 7+) through Lettuce's cluster
 * client: commands go to the primary serving their key's slot, the topology is refreshed every second and on
 * MOVED/ASK/reconnection, so a promoted replica takes over by itself. Node channels are sharded
 * ({@code SSUBSCRIBE}): each is subscribed on the primary serving its slot, and again on the new one when a failover
 * moves it ({@link #followTopology}), since Lettuce does not move a node connection's subscriptions.
 */
final class ShardedRedis implements RedisDeployment {

    private static final Logger log = LoggerFactory.getLogger(ShardedRedis.class);

    private final String where;
    private final Duration timeout;
    private final ClientResources resources;
    private final RedisClusterClient client;
    private final StatefulRedisClusterConnection<String, String> connection;
    private final StatefulRedisClusterPubSubConnection<String, String> pubSub;
    /** Channel -> the primary (host:port) it is subscribed on. */
    private final Map<String, String> subscribedOn = new ConcurrentHashMap<>();
    /**
     * Connections seen connected once. The topology refresh opens a short-lived connection to every server each
     * second: only a connection connected again (a reconnect) or a slot served by a promoted replica (a failover,
     * seen by {@link #follow}) may have lost writes, and only they call {@link #onReconnected}; weak, so the refresh
     * connections are not kept.
     */
    private final Set<RedisChannelHandler<?, ?>> connectedBefore =
            Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final Runnable onReconnected;
    private final SlotPrimaries slotPrimaries = new SlotPrimaries();

    /**
     * @param config the cluster's settings
     * @param onConnected runs when a connection is made again (on a Lettuce thread) or a promoted replica serves a
     *     slot (on the thread of {@link #followTopology}): Redis may have lost what this node wrote
     */
    ShardedRedis(ClusterConfig config, Runnable onConnected) {
        List<RedisURI> seeds = seeds(config.redisUri(), config.commandTimeout());
        this.where = RedisDeployment.where(config.redisUri());
        this.timeout = config.commandTimeout();
        this.resources = RedisLink.resources();
        this.client = RedisClusterClient.create(resources, seeds);
        this.onReconnected = onConnected;
        client.setOptions(ClusterClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClusterClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .topologyRefreshOptions(ClusterTopologyRefreshOptions.builder()
                        .enablePeriodicRefresh(Duration.ofSeconds(1))
                        .enableAllAdaptiveRefreshTriggers()
                        .adaptiveRefreshTriggersTimeout(Duration.ofMillis(500))
                        .build())
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                if (!connectedBefore.add(handler)) {
                    onReconnected.run();
                }
            }
        });
        StatefulRedisClusterConnection<String, String> commands = null;
        StatefulRedisClusterPubSubConnection<String, String> subscriber = null;
        try {
            commands = client.connect();
            subscriber = client.connectPubSub();
        } catch (RuntimeException e) {
            this.connection = commands;
            this.pubSub = subscriber;
            close();
            throw new ClusterUnavailableException("start", where, e);
        }
        this.connection = commands;
        this.pubSub = subscriber;
        pubSub.setNodeMessagePropagation(true);
    }

    /** @return the seed nodes of {@code redis-cluster://[password@]host:port[,host:port...]} */
    static List<RedisURI> seeds(URI uri, Duration timeout) {
        String authority = uri.getRawAuthority();
        String password = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            password = authority.substring(0, at);
            authority = authority.substring(at + 1);
        }
        List<RedisURI> seeds = new ArrayList<>();
        for (String hostPort : authority.split(",")) {
            int colon = hostPort.lastIndexOf(':');
            RedisURI.Builder seed = colon < 0 ? RedisURI.builder().withHost(hostPort).withPort(RedisURI.DEFAULT_REDIS_PORT)
                    : RedisURI.builder().withHost(hostPort.substring(0, colon))
                            .withPort(Integer.parseInt(hostPort.substring(colon + 1)));
            if (password != null) {
                seed.withPassword(password.startsWith(":") ? password.substring(1).toCharArray()
                        : password.toCharArray());
            }
            seeds.add(seed.withTimeout(timeout).build());
        }
        return seeds;
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    @Override
    public void loadScript(String source) {
        connection.async().nodes(n -> true).commands().scriptLoad(source);
    }

    @Override
    public void subscribe(Consumer<String> listener, String... channels) {
        pubSub.addListener(new RedisClusterPubSubAdapter<>() {
            @Override
            public void message(RedisClusterNode node, String channel, String message) {
                listener.accept(message);
            }

            @Override
            public void smessage(RedisClusterNode node, String shardChannel, String message) {
                listener.accept(message);
            }
        });
        for (String channel : channels) {
            subscribedOn.put(channel, "");
        }
        follow(Duration.ofSeconds(10)); // at start a busy or just started cluster gets longer to answer
        for (String channel : channels) {
            if (subscribedOn.get(channel).isEmpty()) {
                throw new ClusterUnavailableException("subscribe", where,
                        new IllegalStateException("no primary serves " + channel));
            }
        }
    }

    @Override
    public void followTopology() {
        follow(timeout);
    }

    private synchronized void follow(Duration bound) {
        Partitions view = connection.getPartitions();
        if (slotPrimaries.promotedSince(view)) {
            // every node's entries (its users', groups', connections') spread over all the slots
            log.info("a promoted replica of the Redis Cluster at {} serves slots now: announcing this node again", where);
            onReconnected.run();
        }
        for (Map.Entry<String, String> e : subscribedOn.entrySet()) {
            RedisClusterNode owner = view.getMasterBySlot(SlotHash.getSlot(e.getKey()));
            if (owner == null) {
                continue;
            }
            String at = owner.getUri().getHost() + ":" + owner.getUri().getPort();
            if (!at.equals(e.getValue())) {
                try {
                    RedisLink.await("subscribe", where, bound, pubSub.getConnection(owner.getUri().getHost(),
                            owner.getUri().getPort()).async().ssubscribe(e.getKey()));
                    String before = e.getValue();
                    e.setValue(at);
                    if (!before.isEmpty()) {
                        log.info("{} moved from {} to {}: subscribed there", e.getKey(), before, at);
                    }
                } catch (RuntimeException failed) {
                    log.warn("subscribing {} on {} failed (retrying): {}", e.getKey(), at, failed.toString());
                }
            }
        }
    }

    @Override
    public void close() {
        RedisLink.shutdown(client, resources, pubSub, connection);
    }
}
