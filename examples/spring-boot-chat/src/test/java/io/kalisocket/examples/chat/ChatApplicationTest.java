package io.kalisocket.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.spring.boot.KaliSocketServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The chat application on random ports, used as its users and operators do: WebSocket, REST, Actuator. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"kalisocket.server.port=0", "kalisocket.admin.enabled=false"})
class ChatApplicationTest {

    @LocalServerPort
    private int httpPort;

    @Autowired
    private KaliSocketServer kalisocket;

    private int wsPort() {
        return kalisocket.running().orElseThrow().port();
    }

    private HttpResponse<String> http(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void usersTalkInARoomAndReadItsHistory() {
        try (ChatSocket ann = new ChatSocket(wsPort()); ChatSocket bob = new ChatSocket(wsPort())) {
            ann.send("{\"ct\":\"user\",\"ac\":\"login\",\"uid\":\"ann\"}").frameWith("\"ac\":\"login\"");
            ann.send("{\"ct\":\"room\",\"ac\":\"join\",\"room\":\"lobby\"}").frameWith("\"ac\":\"join\"");
            bob.send("{\"ct\":\"room\",\"ac\":\"join\",\"room\":\"lobby\"}").frameWith("\"ac\":\"join\"");
            ann.send("{\"ct\":\"room\",\"ac\":\"say\",\"room\":\"lobby\",\"text\":\"hi bob\"}");
            assertThat(bob.frameWith("\"type\":\"say\"")).contains("\"from\":\"ann\"", "\"text\":\"hi bob\"");
            bob.send("{\"ct\":\"room\",\"ac\":\"history\",\"room\":\"lobby\"}");
            assertThat(bob.frameWith("\"ac\":\"history\"")).contains("\"code\":0", "hi bob");
        }
    }

    @Test
    void saying_beforeLogin_is401() {
        try (ChatSocket anonymous = new ChatSocket(wsPort())) {
            anonymous.send("{\"ct\":\"room\",\"ac\":\"say\",\"room\":\"lobby\",\"text\":\"x\"}");
            assertThat(anonymous.frameWith("\"ac\":\"say\"")).contains("\"code\":401");
        }
    }

    @Test
    void aRestEndpointPushesToTheRoom() throws Exception {
        try (ChatSocket member = new ChatSocket(wsPort())) {
            member.send("{\"ct\":\"room\",\"ac\":\"join\",\"room\":\"news\"}").frameWith("\"ac\":\"join\"");
            HttpResponse<String> response = http("POST", "/rooms/news/announcements", "{\"text\":\"from REST\"}");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"delivered\":1");
            assertThat(member.frameWith("announcement")).contains("\"text\":\"from REST\"");
        }
    }

    @Test
    void heartbeatIsAnswered() {
        try (ChatSocket socket = new ChatSocket(wsPort())) {
            assertThat(socket.send("~H#C~").frameWith("~H#S~")).isEqualTo("~H#S~");
        }
    }

    @Test
    void healthListsTheKalisocketComponent() throws Exception {
        HttpResponse<String> health = http("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"kalisocket\":{").contains("\"listening\":true");
    }

    @Test
    void prometheusShowsTheKalisocketSeries() throws Exception {
        try (ChatSocket socket = new ChatSocket(wsPort())) {
            socket.send("{\"ct\":\"room\",\"ac\":\"join\",\"room\":\"metrics\"}").frameWith("\"ac\":\"join\"");
        }
        HttpResponse<String> metrics = http("GET", "/actuator/prometheus", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("kalisocket_messages_in_total", "kalisocket_action_seconds_bucket",
                "jvm_memory_used_bytes");
    }

    @Test
    void theKalisocketEndpointShowsTheStatusReport() throws Exception {
        HttpResponse<String> status = http("GET", "/actuator/kalisocket", null);
        assertThat(status.statusCode()).isEqualTo(200);
        // the same report as the admin endpoint's /status
        assertThat(status.body()).contains("\"status\":\"running\"", ":" + wsPort() + "/", "\"event_loops\"",
                "\"memory\"", "\"counters\"");
    }
}
