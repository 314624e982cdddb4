package io.kalisocket.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliServer;
import io.kalisocket.StartupException;
import io.kalisocket.cache.Cache;
import io.kalisocket.connection.Connection;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.spi.LocalNode;
import io.kalisocket.spi.NodeExtension;
import io.kalisocket.spi.RecoveryStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a server into a cluster node, in one call:
 * <pre>{@code
 * KaliServer server = KaliServer.create(config).controllers("app.controller");
 * try (Cluster cluster = Cluster.join(server, ClusterConfig.of("redis://127.0.0.1:6379"))) {
 *     server.start();
 * }
 * }</pre>
 * The server then uses a {@link RedisGateway} and a {@link RedisCache}. Redis is connected when the server starts,
 * after its ports are bound (so a second instance on a taken port opens no link): when it is unreachable the start
 * fails with a {@link StartupException} naming it, and the ports are released. The node announces itself then.
 * Close the cluster after the server stopped: the node leaves at once instead of after its TTL.
 */
public final class Cluster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Cluster.class);

    private final ClusterConfig config;
    private final ObjectMapper json;
    private final Keys keys;
    /** Connected on first need ({@link #link()}): when the server makes its parts, or the app asks for the cache. */
    private volatile RedisLink redis;
    private volatile RedisCache cache;
    private final ClusterThread thread;
    private volatile NodeLiveness liveness;
    private volatile RedisGateway gateway;
    private volatile RecoveryStreams recoveryStreams;
    private volatile LocalWatcher watcher;
    private final UidRoutes routes;

    private Cluster(ClusterConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.keys = Keys.of(config);
        this.routes = new UidRoutes(config.nearCacheTtl(), 100_000);
        this.thread = new ClusterThread(() -> redis.where());
    }

    /**
     * @return the link to Redis, connected now if it was not yet
     * @throws StartupException when Redis cannot be reached
     */
    private synchronized RedisLink link() {
        if (redis == null) {
            try {
                redis = new RedisLink(config, () -> {
                    NodeLiveness beat = liveness;
                    if (beat != null) {
                        beat.reconnected();
                    }
                    routes.clear(); // route changes may have been missed while disconnected
                    thread.execute(this::beat); // not when closed meanwhile: nothing to re-announce
                });
            } catch (ClusterUnavailableException e) {
                throw new StartupException(e.getMessage() + " (set the Redis URI, e.g. --redis)", e);
            }
            cache = new RedisCache(redis, keys, json);
        }
        return redis;
    }

    /**
     * Makes the server a node of the cluster; messages are encoded with the default mapper.
     *
     * @param server the server, before it starts
     * @param config where Redis is and the cluster's timings
     * @return the cluster handle, to close after the server stopped
     */
    public static Cluster join(KaliServer server, ClusterConfig config) {
        return join(server, config, KaliServer.defaultMapper());
    }

    /**
     * @param server the server, before it starts
     * @param config where Redis is and the cluster's timings
     * @param json the mapper the server uses for the wire (give the same one to {@code server.json(...)})
     * @return the cluster handle, to close after the server stopped
     */
    public static Cluster join(KaliServer server, ClusterConfig config, ObjectMapper json) {
        Cluster cluster = new Cluster(config, json);
        server.use(cluster.new Extension());
        return cluster;
    }

    /** @return the cluster as /status shows it: Redis, whether it answers, and the live nodes */
    Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        RedisLink redis = link();
        status.put("redis", redis.where());
        try {
            Set<String> nodes = redis.await("status", redis.async().smembers(keys.nodes()));
            status.put("redis_up", true);
            status.put("nodes", new TreeSet<>(nodes));
            status.put("near_cache", routes.status());
        } catch (ClusterUnavailableException e) {
            status.put("redis_up", false);
            status.put("error", e.getMessage());
        }
        return status;
    }

    /**
     * @return the cache shared by every node (connects to Redis, if the server has not started yet)
     * @throws StartupException when Redis cannot be reached
     */
    public Cache cache() {
        link();
        return cache;
    }

    /** @return the gateway, once the server started */
    public Optional<RedisGateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** What the cluster plugs into the server: its gateway, cache, recovery store and status section. */
    private final class Extension implements NodeExtension {

        @Override
        public Gateway gateway(LocalNode node) {
            return Cluster.this.gateway(node);
        }

        @Override
        public Optional<Cache> cache() {
            return Optional.of(Cluster.this.cache());
        }

        @Override
        public Optional<RecoveryStore> recoveryStore() {
            return Optional.of(recoveryStreams());
        }

        @Override
        public Map<String, Supplier<Object>> statusSections() {
            return Map.of("cluster", Cluster.this::status);
        }

        @Override
        public void connectionOpened(Connection connection) {
            onTimer(w -> w.opened(connection.id()));
        }

        @Override
        public void connectionClosed(Connection connection) {
            onTimer(w -> w.closed(connection.id()));
        }
    }

    /**
     * Runs a Redis write off the event loop, on the cluster's one thread: opens and closes stay in order. One that
     * fails (a primary failing over) is retried by a reconcile tick 250 ms later, not only at the next regular one.
     */
    private void onTimer(Consumer<LocalWatcher> write) {
        LocalWatcher w = watcher;
        if (w != null) {
            thread.executeOrRetry(() -> write.accept(w), w::tick, 250);
        }
    }

    private synchronized Gateway gateway(LocalNode node) {
        Gateway local = node.gateway();
        String nodeId = node.nodeId();
        if (gateway != null) {
            throw new IllegalStateException("a Cluster serves one server; call Cluster.join once per server");
        }
        RedisLink redis = link();
        ClusterStats stats = new ClusterStats();
        Notice.Codec codec = new Notice.Codec(json, nodeId);
        NodeChannels channels = new NodeChannels(redis, keys);
        Membership membership = new Membership(redis, channels, keys, nodeId, json);
        LocalWatcher watcher = new LocalWatcher(local, membership);
        AnnounceFence fence = new AnnounceFence();
        NodeLiveness beat = new NodeLiveness(redis, keys, nodeId, config, membership, watcher, local, stats, fence);
        beat.start();
        OwnerWrites ownerWrites = new OwnerWrites(membership, watcher, local, channels, codec);
        OwnerRequests requests = new OwnerRequests(redis, channels, keys, membership.records());
        Directory directory = new Directory(local, redis, keys, json, membership.records());
        ClaimGate gate = new ClaimGate(nodeId, node.clock());
        RecoveryStreams streams = new RecoveryStreams(redis, channels, codec, keys, node, watcher, membership, directory,
                gate);
        NodeInbox inbox = new NodeInbox(local, codec, stats, ownerWrites,
                thread::execute, streams, gate, requests);
        redis.subscribe(text -> {
            if (!routes.accept(text)) {
                gate.deliver(() -> inbox.accept(text));
            }
        }, keys.channel(nodeId), keys.channelAll());
        var router = new SendRouter(local, redis, channels, keys, nodeId, codec, gate, routes, membership);
        RedisGateway made = new RedisGateway(local, nodeId, router,
                new MembershipChanges(local, router, watcher, membership, codec, fence, requests), directory, codec,
                stats);
        this.recoveryStreams = streams;
        this.liveness = beat;
        this.gateway = made;
        long beatMs = config.heartbeatInterval().toMillis();
        thread.every(beatMs, this::beat);
        thread.every(500, redis::followTopology);
        this.watcher = watcher;
        thread.every(config.reconcileInterval().toMillis(), watcher::tick);
        log.info("node {} joined the cluster at {} (dead nodes vanish within {} s)", nodeId, redis.where(),
                config.nodeTtl().toSeconds());
        return made;
    }

    /** @return where recoverable connections' streams live: Redis (called by the server once the gateway is made) */
    private RecoveryStreams recoveryStreams() {
        RecoveryStreams streams = recoveryStreams;
        if (streams == null) {
            throw new IllegalStateException("the cluster's gateway must be made before its recovery store");
        }
        return streams;
    }

    private void beat() {
        NodeLiveness beat = liveness;
        if (beat != null) {
            beat.tick();
        }
    }

    /** Leaves the cluster: this node's entries are removed, then the Redis connections closed. */
    @Override
    public void close() {
        try {
            NodeLiveness beat = liveness;
            if (thread.close() && beat != null) {
                beat.stop();
            }
        } catch (RuntimeException e) {
            log.warn("could not leave the cluster cleanly ({}); survivors will clean up within {} s", e.getMessage(),
                    config.nodeTtl().toSeconds());
        } finally {
            RedisLink link = redis;
            if (link != null) {
                link.close();
            }
        }
    }
}
