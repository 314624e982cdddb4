package io.kalisocket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.cache.Cache;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.spring.boot.app.TestApp;
import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The starter in a real application context, with a real server and a real WebSocket client: the beans it gives an
 * application. One context for the class (each start costs seconds); the tests of a start of its own are in
 * {@link KaliSocketStartupTest}.
 */
class KaliSocketStarterTest {

    private static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        context = new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE)
                .properties("kalisocket.server.port=0", "kalisocket.server.host=127.0.0.1").run();
    }

    @AfterAll
    static void close() {
        context.close();
    }

    private static int port() {
        return context.getBean(KaliSocketServer.class).require().port();
    }

    @Test
    void controllerBeanAnswersWithItsInjectedService() throws Exception {
        try (WsClient client = WsClient.connect(port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"say\",\"name\":\"spring\"}");
            assertThat(client.next("\"ac\":\"say\"")).contains("\"code\":0").contains("hello spring");
        }
    }

    @Test
    void gatewayBeanPushesFromOutsideAnAction() throws Exception {
        try (WsClient client = WsClient.connect(port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"join\",\"room\":\"r1\"}");
            client.next("\"joined\":\"r1\"");
            context.getBean(Gateway.class).sendToGroup("r1", Map.of("news", "from spring"));
            assertThat(client.next("news")).contains("from spring");
        }
    }

    @Test
    void cacheBeanIsTheServersLocalCache() {
        Cache cache = context.getBean(Cache.class);
        cache.set("k", "v", Duration.ofMinutes(1));
        assertThat(cache.get("k")).contains("v");
    }

    @Test
    void healthIsUpWithPortAndConnections() throws Exception {
        KaliSocketHealthIndicator indicator = context.getBean("kalisocketHealthIndicator",
                KaliSocketHealthIndicator.class);
        try (WsClient client = WsClient.connect(port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"say\",\"name\":\"x\"}");
            client.next("hello x");
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("port", port()).containsEntry("listening", true);
            assertThat((Long) health.getDetails().get("connections")).isPositive();
        }
    }

    @Test
    void endpointShowsTheStatusReport() throws Exception {
        try (WsClient client = WsClient.connect(port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"say\",\"name\":\"x\"}");
            client.next("hello x");
        }
        Map<String, Object> report = context.getBean(KaliSocketEndpoint.class).status();
        // the whole report of the admin endpoint's /status, not a summary of it
        assertThat(report).containsEntry("status", "running")
                .containsKeys("node", "listen", "uptime_seconds", "transport", "event_loops", "connections", "messages",
                        "closes", "memory", "counters", "replies_by_code");
        assertThat(report.get("replies_by_code")).asInstanceOf(InstanceOfAssertFactories.MAP).containsKey("0");
    }

    @Test
    void prometheusRegistryHasTheKalisocketSeries() throws Exception {
        try (WsClient client = WsClient.connect(port())) {
            client.send("{\"ct\":\"hello\",\"ac\":\"say\",\"name\":\"x\"}");
            client.next("hello x");
        }
        var names = context.getBean(PrometheusRegistry.class).scrape().stream()
                .map(s -> s.getMetadata().getPrometheusName()).toList();
        assertThat(names).contains("kalisocket_messages_in", "kalisocket_connections_open", "kalisocket_action_seconds",
                "kalisocket_replies");
    }

    @Test
    void meterRegistryIsTheApplicationsOwn_notASecondOne() {
        MeterRegistry application = context.getBean(MeterRegistry.class);
        assertThat(context.getBean(KaliSocketServer.class).require().meterRegistry()).isSameAs(application);
        assertThat(application.find("kalisocket.connections.open").gauge()).isNotNull();
        // the JVM's series are Spring's: registered once, not a second time by the server
        assertThat(application.find("jvm.threads.live").gauges()).hasSize(1);
    }
}
