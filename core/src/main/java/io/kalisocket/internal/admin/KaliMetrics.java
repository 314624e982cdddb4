package io.kalisocket.internal.admin;

import io.kalisocket.internal.server.NodeStatus;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters: every counter of {@link ServerStats} as {@code kalisocket_<name>_total}, open connections
 * per event loop, replies by code, refused handshakes by reason, an action latency histogram per
 * {@code ct}/{@code ac}/code ({@code kalisocket_action_seconds}). By default they live in the server's own Prometheus
 * registry, with the JVM's series ({@code jvm_*}, {@code process_*}), scraped by {@code /metrics}; never a global
 * one. An application with its own registry (Spring Boot's) gets them there instead ({@link #on}), without the JVM's
 * series, which such an application records already. Other modules (the Db pool) bind to {@link #registry()}.
 * Every {@code kalisocket_*} series has its {@code # HELP} text; docs/DEPLOY.md lists them all.
 */
public final class KaliMetrics implements AutoCloseable {

    /**
     * The action latency histogram's buckets: one per order of magnitude that matters to a WebSocket action, from an
     * in-memory answer to a slow query. Fixed, so each route and code costs 10 lines, not Micrometer's ~70 of a
     * percentile histogram.
     */
    static final List<Duration> ACTION_BUCKETS = List.of(Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofMillis(25), Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(2500));

    /** Recovery's levels (keys of {@link NodeStatus#recoveryStatus()}) and their help. */
    private static final Map<String, String> RECOVERY_GAUGES = Map.of(
            "parked", "connections parked now, waiting for their client to return",
            "buffered_bytes", "bytes of pushes kept for parked connections",
            "kept_bytes", "bytes kept for resending by every recoverable connection",
            "streams", "recoverable connections, open or parked");
    /** Recovery's totals (keys of {@link NodeStatus#recoveryStatus()}) and their help. */
    private static final Map<String, String> RECOVERY_COUNTERS = Map.of(
            "recovered", "parked connections a returning client got back",
            "expired", "parked connections whose recovery window passed",
            "overflowed", "parked connections finished because their kept pushes passed the caps",
            "claimed", "connections of another node taken over by a client returning here",
            "claimed_away", "connections of this node taken over by another node");

    private final MeterRegistry registry;
    private final boolean ownRegistry;
    private final NodeStatus server;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<ActionKey, Timer> actionTimers = new ConcurrentHashMap<>();
    private final Set<Object> registered = ConcurrentHashMap.newKeySet();
    /** What this server added to the registry: removed again on close when the registry outlives the server. */
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    /** A route and outcome: the tags of one latency histogram. */
    private record ActionKey(String controller, String action, int code) {
    }

    private KaliMetrics(NodeStatus server, MeterRegistry registry, boolean ownRegistry) {
        this.server = server;
        this.registry = registry;
        this.ownRegistry = ownRegistry;
        if (ownRegistry) {
            new JvmMemoryMetrics().bindTo(registry);
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new JvmInfoMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
            new FileDescriptorMetrics().bindTo(registry);
        }
        ServerStats stats = server.stats();
        for (Counter counter : Counter.values()) {
            add(FunctionCounter.builder("kalisocket." + counter.key().replace('_', '.'), stats, s -> s.get(counter))
                    .description(counter.help()).register(registry));
        }
        add(Gauge.builder("kalisocket.connections.open", stats, ServerStats::connectionsOpen)
                .description("WebSocket connections open now").register(registry));
        add(Gauge.builder("kalisocket.tcp.connections", server, NodeStatus::tcpConnections)
                .description("TCP connections: upgraded, in their handshake or closing").register(registry));
        add(Gauge.builder("kalisocket.ready", server, s -> s.isReady() ? 1 : 0)
                .description("1 while listening and not draining").register(registry));
        stats.observeActions(this::recordAction);
        // A shared registry is scraped by its owner, without asking this class: new tags register as they appear.
        stats.observeNewKeys(this::refresh);
        if (server.config().recovery().enabled()) {
            bindRecovery();
        }
        refresh();
    }

    /**
     * @param server the server whose counters are published
     * @return the meters in a registry of their own, with the JVM's series, as {@code /metrics} serves them
     */
    public static KaliMetrics ownRegistry(NodeStatus server) {
        return new KaliMetrics(server, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), true);
    }

    /**
     * @param server the server whose counters are published
     * @param shared the application's registry: the {@code kalisocket.*} meters are added to it, and removed again
     *     when the server stops; the JVM's series are left to the application
     * @return the meters in that registry
     */
    public static KaliMetrics on(NodeStatus server, MeterRegistry shared) {
        return new KaliMetrics(server, shared, false);
    }

    private void add(Meter meter) {
        meters.add(meter);
    }

    /** Connection recovery's gauges (parked connections, bytes kept) and counters (returns, expiries). */
    private void bindRecovery() {
        RECOVERY_GAUGES.forEach((name, help) -> add(Gauge.builder("kalisocket.recovery." + name.replace('_', '.'),
                server, s -> recoveryValue(s, name)).description(help).register(registry)));
        RECOVERY_COUNTERS.forEach((name, help) -> add(FunctionCounter.builder("kalisocket.recovery." + name, server,
                s -> recoveryValue(s, name)).description(help).register(registry)));
        add(FunctionCounter.builder("kalisocket.recovery.parks", server, s -> recoveryValue(s, "parked_total"))
                .description("connections parked since the start").register(registry));
    }

    private static double recoveryValue(NodeStatus server, String name) {
        return server.recoveryStatus().get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    /** @return the registry, for other modules' meters (e.g. the connection pool's) */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * @return every series of the registry in the Prometheus text format; empty when the meters are in an
     *     application's registry that is not a Prometheus one (that application exports them its own way)
     */
    public Optional<String> scrape() {
        refresh();
        return registry instanceof PrometheusMeterRegistry prometheus ? Optional.of(prometheus.scrape())
                : Optional.empty();
    }

    /** Registers the series whose tags appear at run time: reply codes, refusal reasons, event loops. */
    private void refresh() {
        ServerStats stats = server.stats();
        for (Integer code : stats.repliesByCode().keySet()) {
            if (registered.add("reply:" + code)) {
                add(FunctionCounter.builder("kalisocket.replies", stats, s -> s.repliesByCode().getOrDefault(code, 0L))
                        .description("replies sent, by code").tag("code", String.valueOf(code)).register(registry));
            }
        }
        for (String reason : stats.refusalsByReason().keySet()) {
            if (registered.add("refusal:" + reason)) {
                add(FunctionCounter.builder("kalisocket.handshake.refusals", stats,
                                s -> s.refusalsByReason().getOrDefault(reason, 0L))
                        .description("refused handshakes, by reason").tag("reason", reason).register(registry));
            }
        }
        for (String loop : server.connectionsPerEventLoop().keySet()) {
            if (registered.add("loop:" + loop)) {
                add(Gauge.builder("kalisocket.event.loop.connections", server,
                                s -> s.connectionsPerEventLoop().getOrDefault(loop, 0))
                        .description("open connections, by event loop").tag("loop", loop).register(registry));
            }
        }
    }

    private void recordAction(String controller, String action, int code, long nanos) {
        ActionKey key = new ActionKey(controller, action, code);
        Timer timer = actionTimers.get(key); // every call: no registering lambda made for the few that register
        if (timer == null) {
            timer = actionTimers.computeIfAbsent(key, this::newActionTimer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private Timer newActionTimer(ActionKey key) {
        Timer timer = Timer.builder("kalisocket.action")
                .description("time an action took, by controller, action and reply code")
                .tags("ct", key.controller(), "ac", key.action(), "code", String.valueOf(key.code()))
                .serviceLevelObjectives(ACTION_BUCKETS.toArray(Duration[]::new))
                .register(registry);
        add(timer);
        return timer;
    }

    /** Closes the own registry; from a shared one, removes this server's meters (a restarted server adds new ones). */
    @Override
    public void close() {
        if (ownRegistry) {
            gc.close();
            registry.close();
        } else {
            meters.forEach(registry::remove);
        }
    }
}
