package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.TestClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The HTTP side of the port: static files, origin check, real IP, and the application's upgrade check. */
class HttpSideTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void staticFiles_areServedWithTheirContentType() throws Exception {
        try (RunningServer server = TestServers.probe("server.static-root", "public")) {
            HttpResponse<String> index = get(server, "/");
            assertThat(index.statusCode()).isEqualTo(200);
            assertThat(index.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
            assertThat(index.body()).contains("<title>probe</title>");
            HttpResponse<String> script = get(server, "/sub/app.js");
            assertThat(script.headers().firstValue("content-type")).hasValue("text/javascript; charset=utf-8");
            assertThat(get(server, "/missing.css").statusCode()).isEqualTo(404);
            assertThat(get(server, "/sub").statusCode()).as("a folder is not a file").isEqualTo(404);
        }
    }

    @Test
    void staticFiles_neverLeaveTheRoot() throws Exception {
        try (RunningServer server = TestServers.probe("server.static-root", "public")) {
            for (String path : new String[] {"/../logback-test.xml", "/sub/../../io/kalisocket/server/app/ProbeController.class",
                    "/%2e%2e/x", "/sub/..%2f..%2fx", "/..\\x"}) {
                assertThat(rawGetStatus(server.port(), path)).as(path).isIn(400, 404);
            }
        }
    }

    /** Found by the handshake fuzz target: Netty's decoder throws on a broken escape, which was logged as a WARN. */
    @Test
    void aTargetWithABrokenPercentEscape_isA400() {
        try (RunningServer server = TestServers.probe()) {
            assertThat(UpgradeAnswer.get(server.port(), "/%zz?a=%").status()).isEqualTo(400);
            assertThat(UpgradeAnswer.upgrade(server.port(), "/%?x", Map.of()).status()).isEqualTo(400);
        }
    }

    @Test
    void staticFiles_noneWithoutARoot() throws Exception {
        try (RunningServer server = TestServers.probe()) {
            assertThat(get(server, "/").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void origin_notOnTheAllowListIsRefusedWith403() {
        try (RunningServer server = TestServers.probe("http.allowed-origins", "https://good.example")) {
            assertThat(refusal(server, Map.of("Origin", "https://evil.example"))).isEqualTo(403);
            try (TestClient ok = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                    Map.of("Origin", "https://good.example"))) {
                assertThat(ok.isClosed()).isFalse();
            }
        }
    }

    @Test
    void realIp_isTakenFromATrustedProxysHeader() {
        try (RunningServer server = TestServers.probe();
                TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                        Map.of("X-Real-IP", "203.0.113.7"))) {
            client.send("{\"ct\":\"probe\",\"ac\":\"whoami\"}");
            assertThat(TestClient.parse(client.awaitMessages(1).get(0)).at("/data/ip").asText()).isEqualTo("203.0.113.7");
        }
    }

    @Test
    void realIp_headerIsIgnoredWhenThePeerIsNotATrustedProxy() {
        try (RunningServer server = TestServers.probe("http.trusted-proxies", "10.0.0.0/8");
                TestClient client = TestClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/"),
                        Map.of("X-Real-IP", "203.0.113.7", "X-Forwarded-For", "198.51.100.1"))) {
            client.send("{\"ct\":\"probe\",\"ac\":\"whoami\"}");
            assertThat(TestClient.parse(client.awaitMessages(1).get(0)).at("/data/ip").asText()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void onWebSocketConnect_mayRejectTheUpgradeWithAStatus() {
        try (RunningServer server = TestServers.probe(config -> KaliServer.create(config)
                .onWebSocketConnect((conn, handshake) -> {
                    if (handshake.queryParam("token").isEmpty()) {
                        handshake.reject(401, "token required");
                    }
                }))) {
            assertThat(refusal(server, Map.of())).isEqualTo(401);
            try (TestClient ok = TestClient.connect(server.port(), "token=t1")) {
                assertThat(ok.isClosed()).isFalse();
            }
        }
    }

    private HttpResponse<String> get(RunningServer server, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the path exactly as given (HttpClient would normalise it). */
    private static int rawGetStatus(int port, String path) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) TestClient.WAIT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static int refusal(RunningServer server, Map<String, String> headers) {
        try {
            TestClient.attempt(URI.create("ws://127.0.0.1:" + server.port() + "/"), headers).join();
            throw new AssertionError("the handshake was accepted");
        } catch (CompletionException e) {
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }
}
