package io.kalisocket.spring.boot;

import io.kalisocket.RunningServer;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code kalisocket} component of {@code /actuator/health}: UP while the server listens and is not draining,
 * with its port, node id and open connections, and the cluster's Redis link when clustered; OUT_OF_SERVICE
 * before the start, while draining and after the stop.
 */
public final class KaliSocketHealthIndicator implements HealthIndicator {

    private final KaliSocketServer server;
    private final Supplier<Map<String, Object>> cluster;

    /**
     * @param server the server
     * @param cluster the cluster's link state, empty when not clustered
     */
    KaliSocketHealthIndicator(KaliSocketServer server, Supplier<Map<String, Object>> cluster) {
        this.server = server;
        this.cluster = cluster;
    }

    @Override
    public Health health() {
        RunningServer running = server.running().orElse(null);
        if (running == null) {
            return Health.outOfService().withDetail("listening", false).build();
        }
        Map<String, Long> totals = running.counters().totals();
        long open = totals.getOrDefault("connections_opened", 0L) - totals.getOrDefault("connections_closed", 0L);
        Health.Builder health = running.isReady() ? Health.up() : Health.outOfService();
        health.withDetail("listening", running.isReady())
                .withDetail("port", running.port())
                .withDetail("node", running.nodeId())
                .withDetail("connections", open);
        Map<String, Object> link = cluster.get();
        if (!link.isEmpty()) {
            health.withDetail("cluster", link);
            if (Boolean.FALSE.equals(link.get("redis_up"))) {
                health.down();
            }
        }
        return health.build();
    }
}
