package io.kalisocket.spring.boot;

import io.kalisocket.RunningServer;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/kalisocket}: the server's status report, the same as the admin endpoint's {@code /status}
 * (state, uptime, event loops, connections, messages, replies by code, closes, memory, every counter, and the
 * sections of the Db pool, the cluster and the application's {@link KaliSocketStatusSection} beans). Exposed over
 * HTTP when listed in {@code management.endpoints.web.exposure.include}.
 */
@Endpoint(id = "kalisocket")
public final class KaliSocketEndpoint {

    private final KaliSocketServer server;

    KaliSocketEndpoint(KaliSocketServer server) {
        this.server = server;
    }

    /** @return the status report, or {@code {"status":"stopped"}} while the server is not running */
    @ReadOperation
    public Map<String, Object> status() {
        return server.running().map(RunningServer::statusReport).orElseGet(() -> Map.of("status", "stopped"));
    }
}
