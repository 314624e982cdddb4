package io.kalisocket.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.KaliServer;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@code KaliServer.http(path, endpoint)}: small HTTP endpoints on the WebSocket port, beside the socket. */
class HttpEndpointTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void http_servesItsPath_onAnActionThread_withTheRequestAsSent() throws Exception {
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        AtomicReference<String> thread = new AtomicReference<>();
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).http("/echo", request -> {
            seen.set(request);
            thread.set(Thread.currentThread().getName());
            return HttpResponse.json(201, "{\"got\":" + request.body().length() + "}").withHeader("X-Mine", "1");
        }))) {
            var response = HTTP.send(java.net.http.HttpRequest.newBuilder(uri(server, "/echo?a=1&a=2&b=x"))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(BodyPublishers.ofString("{\"k\":\"é\"}")).build(), BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body()).isEqualTo("{\"got\":9}");
            assertThat(response.headers().firstValue("content-type")).contains("application/json");
            assertThat(response.headers().firstValue("x-mine")).contains("1");
            HttpRequest request = seen.get();
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/echo");
            assertThat(request.query("a")).contains("1");
            assertThat(request.query().get("a")).containsExactly("1", "2");
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.header("CONTENT-TYPE")).contains("application/json; charset=utf-8");
            assertThat(request.body()).isEqualTo("{\"k\":\"é\"}");
            assertThat(request.ip()).isEqualTo("127.0.0.1");
            assertThat(thread.get()).as("never an event loop").doesNotContain("loop").doesNotContain("nio");
        }
    }

    @Test
    void http_leavesTheSocketAndTheStaticFilesAsTheyWere() throws Exception {
        try (TestServer server = TestServer.start(c -> KaliServer.create(c)
                .http("/login", request -> HttpResponse.text(200, "ok")))) {
            var other = HTTP.send(java.net.http.HttpRequest.newBuilder(uri(server, "/nothing-here")).build(),
                    BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
            TestClient client = server.connect();
            assertThat(client.call("nope", "nope").path("code").asInt()).as("the socket answers").isEqualTo(404);
        }
    }

    @Test
    void anEndpointThatThrows_is500_withoutItsMessage() throws Exception {
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).http("/boom", request -> {
            throw new IllegalStateException("secret detail");
        }))) {
            var response = HTTP.send(java.net.http.HttpRequest.newBuilder(uri(server, "/boom")).build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).doesNotContain("secret");
        }
    }

    @Test
    void aBodyOver16KiB_is413_andTheEndpointDoesNotRun() throws Exception {
        AtomicReference<HttpRequest> seen = new AtomicReference<>();
        try (TestServer server = TestServer.start(c -> KaliServer.create(c).http("/in", request -> {
            seen.set(request);
            return HttpResponse.text(200, "ok");
        }))) {
            var response = HTTP.send(java.net.http.HttpRequest.newBuilder(uri(server, "/in"))
                    .POST(BodyPublishers.ofString("x".repeat(16 * 1024 + 1))).build(), BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
            assertThat(seen.get()).isNull();
        }
    }

    @Test
    void methodNotAllowed_namesTheMethodsServed() {
        HttpResponse response = HttpResponse.methodNotAllowed("POST", "PUT");
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.headers()).containsEntry("Allow", "POST, PUT");
    }

    @Test
    void form_readsAnUrlEncodedBody() {
        HttpRequest request = new HttpRequest("POST", "/f", java.util.Map.of(), java.util.Map.of(),
                "name=ann+b%C3%A9&name=second&flag", "127.0.0.1");
        assertThat(request.form()).containsEntry("name", "ann bé").containsEntry("flag", "");
    }

    @Test
    void http_refusesABadPathOrATakenOne() {
        KaliServer server = KaliServer.create(TestServer.config()).http("/a", r -> HttpResponse.notFound());
        assertThatThrownBy(() -> server.http("/a", r -> HttpResponse.notFound()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already");
        for (String bad : new String[] {"a", "/a?b", "/../x", "/a/", "//a", ""}) {
            assertThatThrownBy(() -> server.http(bad, r -> HttpResponse.notFound()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static URI uri(TestServer server, String path) throws IOException {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
