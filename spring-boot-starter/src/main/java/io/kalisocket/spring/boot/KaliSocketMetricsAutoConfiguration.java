package io.kalisocket.spring.boot;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With a {@link MeterRegistry} in the application (Spring Boot's metrics, e.g. with {@code micrometer-registry-prometheus}),
 * the server records its {@code kalisocket.*} meters on it: {@code /actuator/prometheus} and {@code /actuator/metrics}
 * show them next to Spring's own, and no second registry exists. The JVM's series are Spring's.
 */
@AutoConfiguration(afterName = {KaliSocketMetricsAutoConfiguration.COMPOSITE, KaliSocketMetricsAutoConfiguration.SIMPLE,
        KaliSocketMetricsAutoConfiguration.PROMETHEUS})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public class KaliSocketMetricsAutoConfiguration {

    private static final String METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure.";
    /** Spring Boot's composite registry (the primary one when several exporters are on). */
    static final String COMPOSITE = METRICS + "CompositeMeterRegistryAutoConfiguration";
    /** Spring Boot's in-memory registry, when no exporter is on. */
    static final String SIMPLE = METRICS + "export.simple.SimpleMetricsExportAutoConfiguration";
    /** Spring Boot's Prometheus export. */
    static final String PROMETHEUS = METRICS + "export.prometheus.PrometheusMetricsExportAutoConfiguration";

    /**
     * @param registry the application's registry (the primary one when there are several)
     * @return the customizer that gives it to the server
     */
    @Bean
    KaliServerCustomizer kalisocketMeterRegistry(MeterRegistry registry) {
        return server -> server.meterRegistry(registry);
    }
}
