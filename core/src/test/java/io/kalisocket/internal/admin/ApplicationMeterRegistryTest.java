package io.kalisocket.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.TestClient;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server given the application's registry ({@code KaliServer.meterRegistry}) records its meters there, the way
 * Spring Boot's starter uses it: the series appear as they happen (nobody scrapes the server), the JVM's are left
 * to the application, and a stopped server takes its meters away again.
 */
class ApplicationMeterRegistryTest {

    private static RunningServer start(SimpleMeterRegistry registry) {
        return KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "admin.enabled", "true", "admin.port", "0")))
                .controllers(ProbeController.class).meterRegistry(registry).bind();
    }

    @Test
    void meters_areRecordedOnTheApplicationsRegistry_withoutTheJvmSeries() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (RunningServer server = start(registry)) {
            assertThat(server.meterRegistry()).isSameAs(registry);
            try (TestClient client = TestClient.connect(server.port())) {
                client.call("probe", "echo", "data", 1);
                client.call("probe", "deny");
            }
            await().until(() -> registry.find("kalisocket.actions.run").functionCounter() != null
                    && registry.find("kalisocket.actions.run").functionCounter().count() == 2);
            // reply codes first seen after the start are registered as they appear, not at a scrape
            assertThat(registry.find("kalisocket.replies").tag("code", "0").functionCounter().count()).isEqualTo(1);
            assertThat(registry.find("kalisocket.replies").tag("code", "403").functionCounter().count()).isEqualTo(1);
            assertThat(registry.find("kalisocket.action").tag("ac", "echo").timer().count()).isEqualTo(1);
            assertThat(registry.getMeters()).map(m -> m.getId().getName())
                    .noneMatch(name -> name.startsWith("jvm.") || name.startsWith("process."));
        }
    }

    @Test
    void adminMetrics_isNotFound_whenTheRegistryIsNotAPrometheusOne() throws Exception {
        try (RunningServer server = start(new SimpleMeterRegistry())) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + server.adminPort().getAsInt() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("application's registry");
            assertThat(server.scrapeMetrics()).isEmpty();
        }
    }

    @Test
    void stoppedServer_removesItsMeters_soARestartRegistersFreshOnes() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        start(registry).close();
        assertThat(registry.getMeters()).map(Meter::getId).map(Meter.Id::getName)
                .noneMatch(name -> name.startsWith("kalisocket."));
        try (RunningServer again = start(registry)) {
            try (TestClient client = TestClient.connect(again.port())) {
                client.call("probe", "echo", "data", 1);
            }
            await().until(() -> registry.find("kalisocket.actions.run").functionCounter().count() == 1);
        }
    }
}
