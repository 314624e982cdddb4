package io.kalisocket.spring.boot;

import io.kalisocket.RunningServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.springframework.beans.factory.DisposableBean;

/**
 * Puts the server's {@code kalisocket_*} series into the application's Prometheus registry, so that
 * {@code /actuator/prometheus} shows them next to Spring's own (the JVM's series come from Spring, not twice).
 * Each scrape reads the server's meters as they are then; nothing is copied or kept.
 */
final class PrometheusBridge implements MultiCollector, DisposableBean {

    private final KaliSocketServer server;
    private final PrometheusRegistry registry;

    PrometheusBridge(KaliSocketServer server, PrometheusRegistry registry) {
        this.server = server;
        this.registry = registry;
        registry.register(this);
    }

    @Override
    public MetricSnapshots collect() {
        RunningServer running = server.running().orElse(null);
        if (running == null || !(running.meterRegistry() instanceof PrometheusMeterRegistry own)) {
            return new MetricSnapshots();
        }
        running.scrapeMetrics(); // registers the series whose tags appeared since (reply codes, refusal reasons)
        return own.getPrometheusRegistry().scrape(name -> name.startsWith("kalisocket"));
    }

    @Override
    public void destroy() {
        registry.unregister(this);
    }
}
