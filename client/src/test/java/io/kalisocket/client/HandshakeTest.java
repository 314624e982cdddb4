package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.connection.Handshake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What {@link ClientOptions} adds to the opening handshake, against a real server: the {@code Origin} a server
 * with {@code http.allowed-origins} checks, headers that reach {@code onWebSocketConnect}, subprotocols.
 */
class HandshakeTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Map<String, String> ALLOWED = Map.of("http.allowed-origins", "https://chat.example");

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final CompletableFuture<Handshake> seen = new CompletableFuture<>();

    /** @return a server whose {@code onWebSocketConnect} keeps the first handshake in {@link #seen} */
    private TestServer recordingServer() {
        return TestServer.start(Map.of(), s -> s.onWebSocketConnect((c, h) -> seen.complete(h)));
    }

    @AfterEach
    void closeClients() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    /** @return a client of {@code server} with {@code options}, once open (closed after the test) */
    private KaliClient opened(TestServer server, ClientOptions.Builder options) throws Exception {
        KaliClient client = KaliClient.create(server.uri(), options.build());
        toClose.add(client);
        client.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /** Connects (reconnecting as by default): a refusal for good fails {@code connect()}. */
    private CompletableFuture<Void> connect(TestServer server, ClientOptions.Builder options) {
        KaliClient client = KaliClient.create(server.uri(), options.build());
        toClose.add(client);
        return client.connect().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static String failure(CompletableFuture<Void> attempt) {
        try {
            attempt.join();
            return "connected";
        } catch (CompletionException e) {
            ReplyException refused = (ReplyException) e.getCause();
            return refused.code() + " " + refused.msg();
        }
    }

    @Nested
    class Origin {

        @Test
        void onTheServersAllowList_connects() throws Exception {
            try (TestServer server = TestServer.start(ALLOWED, s -> { })) {
                KaliClient ks = opened(server, ClientOptions.builder().origin("https://chat.example"));
                assertThat(ks.call("echo", "say", Map.of("data", "hi")).get(WAIT.toSeconds(), TimeUnit.SECONDS)
                        .asText()).isEqualTo("hi");
            }
        }

        @Test
        void offTheList_isRefusedWith403_forGood() throws Exception {
            try (TestServer server = TestServer.start(ALLOWED, s -> { })) {
                assertThat(failure(connect(server, ClientOptions.builder().origin("https://evil.example"))))
                        .isEqualTo("403 upgrade refused: HTTP 403");
                assertThat(failure(connect(server, ClientOptions.builder())))
                        .as("no Origin at all").isEqualTo("403 upgrade refused: HTTP 403");
            }
        }
    }

    @Nested
    class Headers {

        @Test
        void reachOnWebSocketConnect_repeatedValuesJoined() throws Exception {
            try (TestServer server = recordingServer()) {
                opened(server, ClientOptions.builder().header("Authorization", "Bearer x").header("X-Tag", "a")
                        .header("x-tag", "b"));
                Handshake handshake = seen.get(WAIT.toSeconds(), TimeUnit.SECONDS);
                assertThat(handshake.header("Authorization")).hasValue("Bearer x");
                assertThat(handshake.header("X-Tag")).hasValue("a, b");
            }
        }

        @Test
        void letTheApplicationAuthenticate_aRejectionFailsConnectWithItsStatus() throws Exception {
            try (TestServer server = TestServer.start(Map.of(), s -> s.onWebSocketConnect((c, h) -> {
                if (!h.header("Authorization").equals(Optional.of("Bearer good"))) {
                    h.reject(401, "who are you?");
                }
            }))) {
                assertThat(failure(connect(server, ClientOptions.builder().header("Authorization", "Bearer good"))))
                        .isEqualTo("connected");
                assertThat(failure(connect(server, ClientOptions.builder().header("Authorization", "Bearer bad"))))
                        .isEqualTo("401 upgrade refused: HTTP 401");
            }
        }
    }

    @Nested
    class Refusals {

        @Test
        void aFinalOne_isReportedOnceAndNotRetried() throws Exception {
            List<String> events = new CopyOnWriteArrayList<>();
            try (TestServer server = TestServer.start(ALLOWED, s -> { });
                    KaliClient ks = KaliClient.create(server.uri(), ClientOptions.defaults())) {
                ks.listen(new ClientListener() {
                    @Override
                    public void onRefused(int status, boolean isFinal) {
                        events.add("refused " + status + (isFinal ? " final" : ""));
                    }

                    @Override
                    public void onReconnecting(int attempt, Duration delay) {
                        events.add("reconnecting");
                    }
                });
                assertThat(failure(ks.connect().orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS)))
                        .isEqualTo("403 upgrade refused: HTTP 403");
                assertThat(ks.state()).isEqualTo(ClientState.CLOSED);
                assertThat(events).containsExactly("refused 403 final");
            }
        }

        @Test
        void a503FromAFullServer_isRetriedUntilThereIsRoom() throws Exception {
            List<Integer> refusals = new CopyOnWriteArrayList<>();
            try (TestServer server = TestServer.start(Map.of("limits.max-connections", "1"), s -> { });
                    KaliClient first = KaliClient.create(server.uri(), ClientOptions.defaults());
                    KaliClient second = KaliClient.create(server.uri(), ClientOptions.defaults())) {
                first.connect().get(WAIT.toSeconds(), TimeUnit.SECONDS);
                second.listen(new ClientListener() {
                    @Override
                    public void onRefused(int status, boolean isFinal) {
                        refusals.add(isFinal ? -status : status);
                    }
                });
                CompletableFuture<Void> ready = second.connect();
                await().atMost(WAIT).until(() -> !refusals.isEmpty());
                assertThat(ready).isNotDone();

                first.close();

                assertThat(ready).succeedsWithin(WAIT);
                assertThat(refusals).isNotEmpty().allMatch(status -> status == 503);
            }
        }
    }

    @Nested
    class Subprotocols {

        @Test
        void areOfferedMostPreferredFirst_aServerWithoutSubprotocolsChoosesNone() throws Exception {
            try (TestServer server = recordingServer()) {
                KaliClient ks = opened(server, ClientOptions.builder().subprotocol("kalisocket.v2")
                        .subprotocol("kalisocket.v1"));
                assertThat(seen.get(WAIT.toSeconds(), TimeUnit.SECONDS).header("Sec-WebSocket-Protocol"))
                        .hasValue("kalisocket.v2, kalisocket.v1");
                assertThat(ks.subprotocol()).isEmpty();
                assertThat(ks.call("echo", "say", Map.of("data", 1)).get(WAIT.toSeconds(), TimeUnit.SECONDS).asInt())
                        .isEqualTo(1);
            }
        }
    }
}
