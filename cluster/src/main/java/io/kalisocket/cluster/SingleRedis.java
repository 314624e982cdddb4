package io.kalisocket.cluster;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import java.net.SocketAddress;
import java.net.URI;
import java.util.function.Consumer;

/**
 * One Redis primary ({@code redis://}, {@code rediss://}), or the primary a Sentinel set names
 * ({@code redis-sentinel://host:port[,host:port...]/mastername}: Lettuce asks the sentinels and follows a failover).
 * Two connections: commands (pipelined, shared) and pub/sub (classic SUBSCRIBE; Lettuce subscribes again after a
 * reconnection). While disconnected, commands are rejected at once rather than queued.
 */
final class SingleRedis implements RedisDeployment {

    private final String where;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final StatefulRedisPubSubConnection<String, String> pubSub;

    SingleRedis(ClusterConfig config, Runnable onConnected) {
        RedisURI uri = lettuceUri(config.redisUri());
        uri.setTimeout(config.commandTimeout());
        this.where = RedisDeployment.where(config.redisUri());
        this.resources = RedisLink.resources();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
                .build());
        try {
            this.connection = client.connect();
            this.pubSub = client.connectPubSub();
        } catch (RuntimeException e) {
            close();
            throw new ClusterUnavailableException("start", where, e);
        }
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
                onConnected.run();
            }
        });
    }

    /**
     * @param uri a Redis URI; for Sentinel also {@code redis-sentinel://host:port[,host:port...]/mastername}, which
     *     Lettuce spells {@code ...#mastername} (its path is a database number)
     * @return the URI as Lettuce reads it
     */
    static RedisURI lettuceUri(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceFirst("^/", "");
        if ("redis-sentinel".equalsIgnoreCase(uri.getScheme()) && uri.getRawFragment() == null && !path.isEmpty()
                && !path.chars().allMatch(Character::isDigit)) {
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return RedisURI.create(uri.getScheme() + "://" + uri.getRawAuthority() + query + "#" + path);
        }
        return RedisURI.create(uri);
    }

    @Override
    public RedisClusterAsyncCommands<String, String> async() {
        return connection.async();
    }

    @Override
    public void loadScript(String source) {
        connection.async().scriptLoad(source);
    }

    @Override
    public void subscribe(Consumer<String> listener, String... channels) {
        pubSub.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                listener.accept(message);
            }

            @Override
            public void smessage(String shardChannel, String message) {
                listener.accept(message);
            }
        });
        RedisLink.awaitStart("subscribe", where, sharded(channels) ? pubSub.async().ssubscribe(channels)
                : pubSub.async().subscribe(channels));
    }

    /** A hash-tagged key prefix ({@code {app}:}) means sharded channels, on one Redis too. */
    private static boolean sharded(String... channels) {
        return channels.length > 0 && channels[0].startsWith("{");
    }

    @Override
    public void followTopology() {
        // one server: Lettuce reconnects and subscribes again by itself
    }

    @Override
    public void close() {
        RedisLink.shutdown(client, resources, pubSub, connection);
    }
}
