package io.kalisocket.internal.admin;

import io.kalisocket.internal.server.NodeStatus;
import io.kalisocket.internal.stats.ServerStats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What {@code /status} shows, in the spirit of Workerman's {@code status}: uptime, JDK and transport, event
 * loops with their connections, connections by state, messages, replies by code, receipts, dedup hits,
 * dropped and rate-limited messages, slow-consumer closes, memory (heap and RSS), plus the sections other
 * modules add (the Db pool, the cluster's nodes).
 */
public final class StatusReport {

    private final NodeStatus server;
    private final Map<String, Supplier<Object>> sections;

    /**
     * @param server the server to describe
     * @param sections extra sections by name, each computed per request
     */
    public StatusReport(NodeStatus server, Map<String, Supplier<Object>> sections) {
        this.server = server;
        this.sections = Map.copyOf(sections);
    }

    /** @return the report, as nested maps ready for JSON */
    public Map<String, Object> build() {
        ServerStats stats = server.stats();
        Map<String, Long> counters = stats.snapshot();
        Map<String, Object> r = new LinkedHashMap<>();
        long now = System.currentTimeMillis();
        r.put("node", server.nodeId());
        r.put("status", server.isReady() ? "running" : server.isStopping() ? "draining" : "starting");
        r.put("listen", server.scheme() + "://" + server.config().server().host() + ":" + server.port()
                + server.config().server().path());
        r.put("started_at", Instant.ofEpochMilli(server.startedAtMillis()).toString());
        r.put("uptime_seconds", (now - server.startedAtMillis()) / 1000);
        r.put("jdk", Runtime.version().toString() + " (" + System.getProperty("java.vm.name") + ", "
                + System.getProperty("java.vendor") + ")");
        r.put("transport", server.transportName());
        r.put("tls", server.tlsProvider().isEmpty() ? "off" : server.tlsProvider());
        r.put("cpus", Runtime.getRuntime().availableProcessors());
        r.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        List<Map<String, Object>> loops = new ArrayList<>();
        server.connectionsPerEventLoop().forEach((name, n) -> loops.add(Map.of("name", name, "connections", n)));
        r.put("event_loops", loops);
        r.put("actions", server.executorStats());
        long open = server.connections().count();
        Map<String, Object> connections = new LinkedHashMap<>();
        connections.put("open", open);
        connections.put("handshaking_or_closing", Math.max(0, server.tcpConnections() - open));
        connections.put("opened_total", counters.get("connections_opened"));
        connections.put("closed_total", counters.get("connections_closed"));
        connections.put("refused_total", counters.get("handshakes_refused"));
        connections.put("refused_by_reason", stats.refusalsByReason());
        r.put("connections", connections);
        Map<String, Object> messages = new LinkedHashMap<>();
        messages.put("in", counters.get("messages_in"));
        messages.put("out", counters.get("messages_out"));
        messages.put("heartbeats", counters.get("heartbeats"));
        messages.put("receipts", counters.get("receipts"));
        messages.put("dedup_hits", counters.get("dedup_hits"));
        messages.put("dropped", counters.get("dropped"));
        messages.put("rate_limited", counters.get("rate_limited"));
        messages.put("queue_full", counters.get("queue_full"));
        r.put("messages", messages);
        Map<String, Long> replies = new LinkedHashMap<>();
        stats.repliesByCode().forEach((code, n) -> replies.put(String.valueOf(code), n));
        r.put("replies_by_code", replies);
        Map<String, Object> closes = new LinkedHashMap<>();
        closes.put("slow_consumer", counters.get("slow_consumer_closes"));
        closes.put("idle", counters.get("idle_closes"));
        closes.put("oversized", counters.get("oversized_closes"));
        closes.put("protocol_violation", counters.getOrDefault("protocol_violations", 0L));
        r.put("closes", closes);
        r.put("memory", memory());
        r.put("counters", counters);
        sections.forEach((name, section) -> r.put(name, safely(section)));
        return r;
    }

    private static Object safely(Supplier<Object> section) {
        try {
            return section.get();
        } catch (RuntimeException e) {
            return Map.of("error", String.valueOf(e.getMessage()));
        }
    }

    private static Map<String, Object> memory() {
        MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        MemoryUsage heap = bean.getHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heap_used_bytes", heap.getUsed());
        m.put("heap_committed_bytes", heap.getCommitted());
        m.put("heap_max_bytes", heap.getMax());
        m.put("non_heap_used_bytes", bean.getNonHeapMemoryUsage().getUsed());
        m.put("rss_bytes", residentSetBytes());
        return m;
    }

    /** @return the process's resident set size from {@code /proc/self/status}, or -1 where there is none */
    static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
