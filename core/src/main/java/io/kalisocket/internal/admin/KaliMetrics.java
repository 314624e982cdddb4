package io.kalisocket.internal.admin;

import io.kalisocket.internal.server.NodeStatus;
import io.kalisocket.internal.stats.ServerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The server's Micrometer registry, scraped as Prometheus text by {@code /metrics}: every counter of
 * {@link ServerStats} as {@code kalisocket_<name>_total}, open connections per event loop, replies by code,
 * refused handshakes by reason, an action latency histogram per {@code ct}/{@code ac}/code
 * ({@code kalisocket_action_seconds}), and the JVM's own series ({@code jvm_*}, {@code process_*}).
 * One registry per server, never a global one; other modules (the Db pool) bind to {@link #registry()}.
 */
public final class KaliMetrics implements AutoCloseable {

    /** Counters of {@link ServerStats#snapshot()} that are levels, not totals. */
    private static final Set<String> GAUGES = Set.of("connections_open");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final NodeStatus server;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<ActionKey, Timer> actionTimers = new ConcurrentHashMap<>();
    private final Set<Object> registered = ConcurrentHashMap.newKeySet();
    private volatile Map<String, Integer> perLoop = Map.of();

    /** A route and outcome: the tags of one latency histogram. */
    private record ActionKey(String controller, String action, int code) {
    }

    /** @param server the server whose counters are published */
    public KaliMetrics(NodeStatus server) {
        this.server = server;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        ServerStats stats = server.stats();
        stats.snapshot().keySet().forEach(this::bindCounter);
        Gauge.builder("kalisocket.tcp.connections", server, NodeStatus::tcpConnections)
                .description("TCP connections: upgraded, in their handshake or closing").register(registry);
        Gauge.builder("kalisocket.ready", server, s -> s.isReady() ? 1 : 0)
                .description("1 while listening and not draining").register(registry);
        stats.observeActions(this::recordAction);
        if (server.config().recovery().enabled()) {
            bindRecovery();
        }
        refresh();
    }

    /** Connection recovery's gauges (parked connections, bytes kept) and counters (returns, expiries). */
    private void bindRecovery() {
        for (String name : List.of("parked", "buffered_bytes", "kept_bytes", "streams")) {
            Gauge.builder("kalisocket.recovery." + name.replace('_', '.'), server, s -> recoveryValue(s, name))
                    .register(registry);
        }
        for (String name : List.of("recovered", "expired", "overflowed", "claimed", "claimed_away")) {
            FunctionCounter.builder("kalisocket.recovery." + name, server, s -> recoveryValue(s, name)).register(registry);
        }
        FunctionCounter.builder("kalisocket.recovery.parks", server, s -> recoveryValue(s, "parked_total"))
                .description("connections parked since the start").register(registry);
    }

    private static double recoveryValue(NodeStatus server, String name) {
        return server.recoveryStatus().get(name) instanceof Number n ? n.doubleValue() : 0;
    }

    /** @return the registry, for other modules' meters (e.g. the connection pool's) */
    public MeterRegistry registry() {
        return registry;
    }

    /** @return every series in the Prometheus text format */
    public String scrape() {
        refresh();
        return registry.scrape();
    }

    /** Registers the series whose tags appear at run time: reply codes, refusal reasons, event loops. */
    private void refresh() {
        ServerStats stats = server.stats();
        stats.snapshot().keySet().forEach(this::bindCounter);
        for (Integer code : stats.repliesByCode().keySet()) {
            if (registered.add("reply:" + code)) {
                FunctionCounter.builder("kalisocket.replies", stats, s -> s.repliesByCode().getOrDefault(code, 0L))
                        .description("replies sent, by code").tag("code", String.valueOf(code)).register(registry);
            }
        }
        for (String reason : stats.refusalsByReason().keySet()) {
            if (registered.add("refusal:" + reason)) {
                FunctionCounter.builder("kalisocket.handshake.refusals", stats,
                                s -> s.refusalsByReason().getOrDefault(reason, 0L))
                        .description("refused handshakes, by reason").tag("reason", reason).register(registry);
            }
        }
        perLoop = server.connectionsPerEventLoop();
        for (String loop : perLoop.keySet()) {
            if (registered.add("loop:" + loop)) {
                Gauge.builder("kalisocket.event.loop.connections", this, m -> m.perLoop.getOrDefault(loop, 0))
                        .description("open connections, by event loop").tag("loop", loop).register(registry);
            }
        }
    }

    private void bindCounter(String name) {
        if (!registered.add("stat:" + name)) {
            return;
        }
        ServerStats stats = server.stats();
        String meter = "kalisocket." + name.replace('_', '.');
        if (GAUGES.contains(name)) {
            Gauge.builder(meter, stats, s -> s.snapshot().getOrDefault(name, 0L)).register(registry);
        } else {
            FunctionCounter.builder(meter, stats, s -> s.snapshot().getOrDefault(name, 0L)).register(registry);
        }
    }

    private void recordAction(String controller, String action, int code, long nanos) {
        actionTimers.computeIfAbsent(new ActionKey(controller, action, code), k -> Timer.builder("kalisocket.action")
                .description("time an action took, by controller, action and reply code")
                .tags("ct", k.controller(), "ac", k.action(), "code", String.valueOf(k.code()))
                .publishPercentileHistogram()
                .register(registry))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
