package io.kalisocket.spring.boot;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator for KaliSocket: the {@code kalisocket} health component and the {@code /actuator/kalisocket} endpoint,
 * each when its part of Actuator is on the classpath.
 */
@AutoConfiguration(after = KaliSocketAutoConfiguration.class)
public class KaliSocketActuatorAutoConfiguration {

    /** The health component, with {@code spring-boot-health} (which {@code spring-boot-starter-actuator} brings). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("kalisocket")
    static class Health {

        /**
         * @param server the server
         * @param sections the status sections: the {@code cluster} one gives the link state
         * @return the indicator, named {@code kalisocket} after its bean
         */
        @Bean
        @ConditionalOnMissingBean(name = "kalisocketHealthIndicator")
        KaliSocketHealthIndicator kalisocketHealthIndicator(KaliSocketServer server,
                ObjectProvider<KaliSocketStatusSection> sections) {
            return new KaliSocketHealthIndicator(server, () -> clusterLink(sections));
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> clusterLink(ObjectProvider<KaliSocketStatusSection> sections) {
            return sections.orderedStream().filter(s -> s.name().equals(KaliSocketClusterAutoConfiguration.SECTION))
                    .findFirst().map(s -> (Map<String, Object>) s.section().get()).orElse(Map.of());
        }
    }

    /** The status endpoint, with {@code spring-boot-actuator}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Endpoint.class)
    static class StatusEndpoint {

        /**
         * @param server the server, whose status report includes every {@link KaliSocketStatusSection} bean
         * @return the endpoint
         */
        @Bean
        @ConditionalOnMissingBean
        KaliSocketEndpoint kalisocketEndpoint(KaliSocketServer server) {
            return new KaliSocketEndpoint(server);
        }
    }
}
