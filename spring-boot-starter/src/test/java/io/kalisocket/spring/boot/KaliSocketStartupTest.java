package io.kalisocket.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kalisocket.RunningServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.spring.boot.app.HelloController;
import io.kalisocket.spring.boot.app.TestApp;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starting and stopping the application: the configuration, what stops the start, the graceful stop. */
class KaliSocketStartupTest {

    private ConfigurableApplicationContext context;

    private ConfigurableApplicationContext start(String... properties) {
        context = new SpringApplicationBuilder(TestApp.class).web(WebApplicationType.NONE)
                .properties("kalisocket.server.port=0", "kalisocket.server.host=127.0.0.1",
                        "kalisocket.shutdown.grace=10s")
                .properties(properties).run();
        return context;
    }

    private int port() {
        return context.getBean(KaliSocketServer.class).require().port();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void configurationComesFromKalisocketProperties() {
        start("kalisocket.limits.maxMessageBytes=4096", "kalisocket.http.trusted-proxies[0]=10.0.0.0/8",
                "kalisocket.http.trusted-proxies[1]=127.0.0.1");
        KaliConfig config = context.getBean(KaliConfig.class);
        assertThat(config.limits().maxMessageBytes()).isEqualTo(4096);
        assertThat(config.http().trustedProxies()).hasSize(2);
    }

    @Test
    void closingTheContextClosesClientsWith1012AfterActionsInFlightFinish() throws Exception {
        start();
        RunningServer server = context.getBean(KaliSocketServer.class).require();
        WsClient client = WsClient.connect(port());
        client.send("{\"ct\":\"hello\",\"ac\":\"slow\"}");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> server.counters().totals().getOrDefault("messages_in", 0L) >= 1);
        CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);
        await().atMost(Duration.ofSeconds(10)).until(() -> !server.isReady());
        HelloController.RELEASE.countDown();
        assertThat(client.next("\"ac\":\"slow\"")).contains("\"finished\":true");
        assertThat(client.closeCode()).isEqualTo(1012);
        closing.get();
        assertThat(context.isActive()).isFalse();
        client.close();
    }

    @Test
    void anUnknownKeyStopsTheStartNamingIt() {
        assertThatThrownBy(() -> start("kalisocket.server.prot=1"))
                .hasStackTraceContaining("kalisocket.server.prot: unknown key");
    }

    @Test
    void aBadValueStopsTheStartNamingIt() {
        assertThatThrownBy(() -> start("kalisocket.limits.idle-timeout=10"))
                .hasStackTraceContaining("kalisocket.limits.idle-timeout: 10 has no unit");
    }

    @Test
    void aBadControllerStopsTheStartNamingTheMethod() {
        assertThatThrownBy(() -> start("kalisocket.controllers=io.kalisocket.spring.boot.bad"))
                .hasStackTraceContaining("TwiceController");
    }
}
