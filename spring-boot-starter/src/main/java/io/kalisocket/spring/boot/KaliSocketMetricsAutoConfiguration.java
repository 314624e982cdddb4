package io.kalisocket.spring.boot;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With {@code micrometer-registry-prometheus} in the application and Spring Boot's Prometheus export on, the
 * server's {@code kalisocket_*} series appear in {@code /actuator/prometheus}.
 */
@AutoConfiguration(after = KaliSocketAutoConfiguration.class, afterName = KaliSocketMetricsAutoConfiguration.PROMETHEUS)
@ConditionalOnClass(PrometheusRegistry.class)
@ConditionalOnBean(PrometheusRegistry.class)
public class KaliSocketMetricsAutoConfiguration {

    /** Spring Boot's Prometheus export, which makes the registry this one adds to. */
    static final String PROMETHEUS = "org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus."
            + "PrometheusMetricsExportAutoConfiguration";

    /**
     * @param server the server
     * @param registry the application's Prometheus registry
     * @return the bridge, registered in it
     */
    @Bean
    PrometheusBridge kalisocketPrometheusBridge(KaliSocketServer server, PrometheusRegistry registry) {
        return new PrometheusBridge(server, registry);
    }
}
