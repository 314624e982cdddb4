package io.kalisocket;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.admin.AdminServer;
import io.kalisocket.internal.admin.KaliMetrics;
import io.kalisocket.internal.admin.StatusReport;
import io.kalisocket.internal.server.NettyServer;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.mvc.Dispatcher;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/** A started server: where it listens, its gateway, counters and metrics, and how to stop it. */
public final class RunningServer implements AutoCloseable {

    /** How long {@link #close()} lets the drain take when the configuration does not say ({@code shutdown.grace}). */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final NettyServer server;
    private final KaliMetrics metrics;
    private final StatusReport status;
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile AdminServer admin;

    RunningServer(NettyServer server, KaliMetrics metrics, StatusReport status) {
        this.server = server;
        this.metrics = metrics;
        this.status = status;
    }

    void admin(AdminServer adminServer) {
        this.admin = adminServer;
    }

    /** @return the bound port (useful when configured with port 0) */
    public int port() {
        return server.port();
    }

    /** @return the admin endpoint's bound port, when {@code admin.enabled} */
    public OptionalInt adminPort() {
        AdminServer a = admin;
        return a == null ? OptionalInt.empty() : OptionalInt.of(a.port());
    }

    /** @return the gateway, to push from outside an action */
    public Gateway gateway() {
        return server.gateway();
    }

    /** @return the dispatcher, for applications with their own {@code onMessage} */
    public Dispatcher dispatcher() {
        return server.dispatcher();
    }

    /** @return a snapshot of the server's counters */
    public ServerCounters counters() {
        ServerStats stats = server.status().stats();
        return new ServerCounters(stats.snapshot(), stats.repliesByCode(), stats.refusalsByReason());
    }

    /** @return the live counters, for the framework's own tests (see the test-jar's {@code ServerInternals}) */
    ServerStats stats() {
        return server.status().stats();
    }

    /**
     * @return the registry the server's meters are on (its own behind {@code /metrics}, or the application's given
     *     to {@link KaliServer#meterRegistry}): bind other meters (a connection pool's) to it
     */
    public MeterRegistry meterRegistry() {
        return metrics.registry();
    }

    /**
     * @return every metric in the Prometheus text format, as {@code /metrics} serves it; empty when the meters are on
     *     an application's registry that is not a Prometheus one
     */
    public Optional<String> scrapeMetrics() {
        return metrics.scrape();
    }

    /**
     * @return the status report as the admin endpoint's {@code /status} shows it (docs/DEPLOY.md): state, uptime,
     *     event loops, connections, messages, replies by code, closes, memory, counters and the extra sections (the
     *     Db pool, the cluster, recovery), as nested maps ready for JSON; computed on each call
     */
    public Map<String, Object> statusReport() {
        return status.build();
    }

    /** @return this node's id, the first part of every client id it makes */
    public String nodeId() {
        return server.status().nodeId();
    }

    /** @return {@code epoll} or {@code nio} */
    public String transport() {
        return server.status().transportName();
    }

    /** @return true while listening and not stopping (the readiness of {@code /health}) */
    public boolean isReady() {
        return server.isReady();
    }

    /** @return the admin endpoint, when {@code admin.enabled} */
    Optional<AdminServer> adminServer() {
        return Optional.ofNullable(admin);
    }

    /** Blocks until the server has stopped completely. @throws InterruptedException when interrupted */
    public void awaitStop() throws InterruptedException {
        try {
            stopped.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the stop failed", e.getCause());
        }
    }

    /**
     * Stops gracefully (see {@link NettyServer#stop}), then the admin endpoint; a second call waits for the first.
     *
     * @param grace how long the drain may take
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            stopped.join();
            return;
        }
        try {
            server.stop(grace);
            AdminServer a = admin;
            if (a != null) {
                a.close();
            }
            metrics.close();
        } finally {
            stopped.complete(null);
        }
    }

    /** Stops with the configured {@code shutdown.grace}. */
    @Override
    public void close() {
        stop(server.config().shutdown().grace());
    }
}
