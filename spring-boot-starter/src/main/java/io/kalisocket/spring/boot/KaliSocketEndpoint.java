package io.kalisocket.spring.boot;

import io.kalisocket.RunningServer;
import io.kalisocket.ServerCounters;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/kalisocket}: the server's status report as the admin endpoint's {@code /status} summarises it:
 * node, state, port, transport, every counter, replies by code, refused handshakes by reason, and the extra
 * sections (the Db pool, the cluster). Exposed over HTTP when listed in
 * {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "kalisocket")
public final class KaliSocketEndpoint {

    private final KaliSocketServer server;
    private final Map<String, Supplier<Object>> sections;

    KaliSocketEndpoint(KaliSocketServer server, Map<String, Supplier<Object>> sections) {
        this.server = server;
        this.sections = Map.copyOf(sections);
    }

    /** @return the status report */
    @ReadOperation
    public Map<String, Object> status() {
        Map<String, Object> report = new LinkedHashMap<>();
        RunningServer running = server.running().orElse(null);
        if (running == null) {
            report.put("status", "stopped");
            return report;
        }
        ServerCounters counters = running.counters();
        report.put("node", running.nodeId());
        report.put("status", running.isReady() ? "running" : "draining");
        report.put("port", running.port());
        running.adminPort().ifPresent(port -> report.put("admin_port", port));
        report.put("transport", running.transport());
        report.put("counters", counters.totals());
        Map<String, Long> replies = new LinkedHashMap<>();
        counters.repliesByCode().forEach((code, n) -> replies.put(String.valueOf(code), n));
        report.put("replies_by_code", replies);
        report.put("refused_by_reason", counters.refusalsByReason());
        sections.forEach((name, section) -> report.put(name, section.get()));
        return report;
    }
}
