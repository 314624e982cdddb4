package io.kalisocket.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.ServerInternals;
import io.kalisocket.admin.AdminCommand;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.lifecycle.DrainController;
import io.kalisocket.testing.TestClient;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The admin endpoint on its own port: /status, /connections, /metrics, /health, the token, the commands. */
class AdminEndpointTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(Duration.ofSeconds(5));
        }
    }

    private RunningServer start(Map<String, String> extra) {
        Map<String, String> config = new HashMap<>(Map.of("server.port", "0", "admin.enabled", "true",
                "admin.port", "0"));
        config.putAll(extra);
        server = KaliServer.create(ConfigLoader.of(config)).controllers(DrainController.class)
                .statusSection("db", () -> Map.of("active", 0, "idle", 2)).bind();
        return server;
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.adminPort().getAsInt()
                + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void status_describesTheServerLikeWorkermansStatus() throws Exception {
        start(Map.of());
        try (TestClient client = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"drain\",\"ac\":\"work\",\"n\":7,\"msgid\":\"a\"}");
            client.awaitText(m -> m.contains("\"n\":7"));
            JsonNode status = json.readTree(get("/status", null).body());
            assertThat(status.path("status").asText()).isEqualTo("running");
            assertThat(status.path("node").asText()).isEqualTo(server.nodeId());
            assertThat(status.path("jdk").asText()).startsWith(String.valueOf(Runtime.version().feature()));
            assertThat(status.path("transport").asText()).isIn("epoll", "nio");
            assertThat(status.path("uptime_seconds").isNumber()).isTrue();
            assertThat(status.path("event_loops").size()).isPositive();
            assertThat(status.path("connections").path("open").asInt()).isEqualTo(1);
            assertThat(status.path("messages").path("in").asInt()).isEqualTo(1);
            assertThat(status.path("messages").path("receipts").asInt()).isEqualTo(1);
            assertThat(status.path("messages").has("dedup_hits")).isTrue();
            assertThat(status.path("messages").has("rate_limited")).isTrue();
            assertThat(status.path("messages").has("dropped")).isTrue();
            assertThat(status.path("closes").has("slow_consumer")).isTrue();
            assertThat(status.path("replies_by_code").path("0").asInt()).isEqualTo(1);
            assertThat(status.path("memory").path("heap_used_bytes").asLong()).isPositive();
            assertThat(status.path("memory").path("rss_bytes").asLong()).isPositive();
            assertThat(status.path("db").path("idle").asInt()).isEqualTo(2);
        }
    }

    @Test
    void connections_listsEachOpenConnection() throws Exception {
        start(Map.of());
        try (TestClient client = TestClient.connect(server.port())) {
            await().until(() -> server.counters().get("connections_open") == 1);
            JsonNode list = json.readTree(get("/connections", null).body());
            assertThat(list.path("total").asInt()).isEqualTo(1);
            assertThat(list.path("connections").get(0).path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(list.path("connections").get(0).path("client_id").asText()).startsWith(server.nodeId());
        }
    }

    @Test
    void metrics_arePrometheusText_withKalisocketAndJvmSeries() throws Exception {
        start(Map.of());
        ServerInternals.stats(server).actionCompleted("chat", "say", 0, 1_500_000);
        HttpResponse<String> metrics = get("/metrics", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
        assertThat(metrics.body())
                .contains("kalisocket_connections_open ")
                .contains("kalisocket_messages_in_total ")
                .contains("kalisocket_slow_consumer_closes_total ")
                .contains("kalisocket_event_loop_connections{loop=\"kali-io-0\"}")
                .contains("kalisocket_action_seconds_bucket{ac=\"say\",code=\"0\",ct=\"chat\"")
                .contains("jvm_memory_used_bytes")
                .contains("process_uptime_seconds");
    }

    @Test
    void health_isReadyWhileListening_andNotWhileDraining() throws Exception {
        start(Map.of());
        HttpResponse<String> health = get("/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).path("ready").asBoolean()).isTrue();
        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        try (TestClient client = TestClient.connect(server.port())) {
            // The stop drains the connection; meanwhile the admin port still answers, not ready.
            client.send("{\"ct\":\"drain\",\"ac\":\"work\",\"ms\":300}");
            await().until(() -> server.counters().totals().get("messages_in") == 1);
            Thread stopper = new Thread(() -> server.stop(Duration.ofSeconds(10)));
            stopper.start();
            await().until(() -> get("/health/ready", null).statusCode() == 503);
            assertThat(json.readTree(get("/health", null).body()).path("status").asText()).isEqualTo("draining");
            stopper.join();
        }
    }

    @Test
    void token_isRequiredEverywhereButHealth() throws Exception {
        start(Map.of("admin.token", "s3cret"));
        assertThat(get("/status", null).statusCode()).isEqualTo(401);
        assertThat(get("/status", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/status", "s3cret").statusCode()).isEqualTo(200);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void statusCommand_printsATable_andFailsClearlyWhenNoServerAnswers() {
        start(Map.of("admin.token", "t"));
        var config = ConfigLoader.of(Map.of("admin.port", String.valueOf(server.adminPort().getAsInt()),
                "admin.token", "t"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(AdminCommand.run("status", config, print(out), print(err))).isEqualTo(AdminCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("KaliSocket status").contains("event loops")
                .contains("kali-io-0").contains(server.nodeId());
        assertThat(AdminCommand.run("connections", config, print(out), print(err))).isEqualTo(AdminCommand.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 open connection(s)");

        int port = server.adminPort().getAsInt();
        server.stop(Duration.ofSeconds(5));
        server = null;
        var gone = ConfigLoader.of(Map.of("admin.port", String.valueOf(port)));
        assertThat(AdminCommand.run("status", gone, print(out), print(err))).isEqualTo(AdminCommand.UNAVAILABLE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no KaliSocket server answers on http://127.0.0.1:"
                + port);
    }

    @Test
    void stopCommand_stopsTheServerGracefully() throws Exception {
        start(Map.of());
        TestClient client = TestClient.connect(server.port());
        var config = ConfigLoader.of(Map.of("admin.port", String.valueOf(server.adminPort().getAsInt())));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(AdminCommand.run("stop", config, print(out), print(out))).isEqualTo(AdminCommand.OK);
        assertThat(client.awaitClose()).isEqualTo(1012);
        server.awaitStop();
        assertThat(server.isReady()).isFalse();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
