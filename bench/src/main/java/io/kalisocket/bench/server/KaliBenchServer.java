package io.kalisocket.bench.server;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.bench.app.EchoController;
import io.kalisocket.bench.app.GroupController;
import io.kalisocket.bench.app.UidController;
import io.kalisocket.cluster.Cluster;
import io.kalisocket.cluster.ClusterConfig;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.gateway.Gateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The bench app on KaliSocket: {@link EchoController}, {@link GroupController} and {@link UidController}
 * with the default configuration, except limits that would otherwise throttle a benchmark from one IP
 * (messages per second, burst, connections and handshakes per IP). With {@code --redis} it is a cluster node
 * ({@link Cluster}); with {@code --recovery} connection recovery is on.
 */
public final class KaliBenchServer implements RunningBenchServer {

    private final RunningServer server;
    private final Optional<Cluster> cluster;

    private KaliBenchServer(RunningServer server, Optional<Cluster> cluster) {
        this.server = server;
        this.cluster = cluster;
    }

    /**
     * Starts the app on 127.0.0.1, one node, recovery off.
     *
     * @param port port, 0 for any free one
     * @return the running server
     */
    public static KaliBenchServer start(int port) {
        return start(new ServerFlags(port, Optional.empty(), Optional.empty(), "ks:", false));
    }

    /**
     * Starts the app on 127.0.0.1.
     *
     * @param flags port, cluster and recovery settings
     * @return the running server
     */
    public static KaliBenchServer start(ServerFlags flags) {
        return start(flags, new ArrivalProbe());
    }

    /**
     * Starts the app on 127.0.0.1, telling its echo's arrivals to a probe.
     *
     * @param flags    port, cluster and recovery settings
     * @param arrivals where the echo's arrivals are recorded
     * @return the running server
     */
    public static KaliBenchServer start(ServerFlags flags, ArrivalProbe arrivals) {
        Map<String, String> config = new HashMap<>(Map.of(
                "server.port", Integer.toString(flags.port()),
                "limits.messages-per-second", "1000000",
                "limits.message-burst", "1000000",
                "limits.max-connections-per-ip", "0",
                "limits.handshakes-per-ip-per-second", "0"));
        flags.nodeId().ifPresent(id -> config.put("server.node-id", id));
        if (flags.recovery()) {
            config.put("recovery.enabled", "true");
            config.put("recovery.secret", "kalisocket-bench"); // one secret for every node of a cluster
        }
        // KALISOCKET_* variables apply too (e.g. KALISOCKET_EXECUTION_POOL_SIZE), for experiments; the flags win.
        KaliServer app = KaliServer.create(ConfigLoader.load(Optional.empty(), System.getenv(), config))
                .controller(new EchoController(arrivals))
                .controllers(GroupController.class, UidController.class);
        Optional<Cluster> cluster = flags.redis().map(uri -> Cluster.join(app,
                ClusterConfig.of(uri.toString()).withKeyPrefix(flags.keyPrefix())));
        try {
            return new KaliBenchServer(app.bind(), cluster);
        } catch (RuntimeException e) {
            cluster.ifPresent(Cluster::close);
            throw e;
        }
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public long openSockets() {
        return server.counters().get("connections_open");
    }

    @Override
    public String registries() {
        Gateway gateway = server.gateway();
        return server.counters().get("connections_open") + " " + gateway.getAllClientIdCount() + " "
                + gateway.getAllUidCount() + " " + gateway.getAllGroupIdList().size();
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
        cluster.ifPresent(Cluster::close);
    }
}
