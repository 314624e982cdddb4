package io.kalisocket.spring.boot;

import io.kalisocket.Events;
import io.kalisocket.KaliServer;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.mvc.ActionInterceptor;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * KaliSocket in a Spring Boot application: its configuration from the {@code kalisocket.*} properties, its
 * controllers as beans, the server tied to the context's lifecycle ({@link KaliSocketServer}), and the
 * {@link Gateway} and {@link Cache} as injectable beans.
 */
@AutoConfiguration
@ConditionalOnClass(KaliServer.class)
public class KaliSocketAutoConfiguration {

    /** @return the scanner that makes {@code @Controller} classes beans (static: it runs before other beans exist) */
    @Bean
    static ControllerScanner kalisocketControllerScanner() {
        return new ControllerScanner();
    }

    /**
     * @param environment Spring's environment, holding the {@code kalisocket.*} properties
     * @return the validated configuration; an unknown key or a bad value stops the context, naming the key
     */
    @Bean
    @ConditionalOnMissingBean
    public KaliConfig kalisocketConfig(ConfigurableEnvironment environment) {
        return SpringKaliConfig.load(environment);
    }

    /**
     * @param config the configuration
     * @return the server's cache (behind the receipts' dedup window), local to this node
     */
    @Bean
    @ConditionalOnMissingBean
    public Cache kalisocketCache(KaliConfig config) {
        return Cache.local(config.protocol().receiptCapacity());
    }

    /**
     * @param config the configuration
     * @param cache the cache
     * @param beans where the controller beans are
     * @param interceptors run before every action, in {@code @Order}
     * @param events the application's connection events
     * @param authenticator decides who each client is, in place of {@code auth.jwt.*}, when there is one
     * @param customizers change the server before it binds
     * @param sections extra sections of the status report
     * @return the server, started and stopped with the context
     */
    @Bean
    public KaliSocketServer kalisocketServer(KaliConfig config, Cache cache, ConfigurableListableBeanFactory beans,
            ObjectProvider<ActionInterceptor> interceptors, ObjectProvider<Events> events,
            ObjectProvider<Authenticator> authenticator, ObjectProvider<KaliServerCustomizer> customizers,
            ObjectProvider<KaliSocketStatusSection> sections) {
        return new KaliSocketServer(config, new ControllerBeans(beans), cache, interceptors.orderedStream().toList(),
                events.orderedStream().toList(), Optional.ofNullable(authenticator.getIfUnique()),
                customizers.orderedStream().toList(), sections.orderedStream().toList());
    }

    /**
     * @param server the server
     * @return the running server's gateway (a cluster's when clustered), to push from REST endpoints and services
     */
    @Bean
    @ConditionalOnMissingBean
    public Gateway kalisocketGateway(KaliSocketServer server) {
        return LazyBeans.of(Gateway.class, () -> server.require().gateway());
    }
}
