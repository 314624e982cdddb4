package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link KaliClient} against a real server in this JVM: calls, pushes, heartbeat, queue, close. The client's timers
 * run on a fake clock that moves only when a test advances it.
 */
class KaliClientTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final FakeClock clock = new FakeClock();
    private final ClientOptions onFakeTime = ClientOptions.builder().clock(new FakeClientClock(clock)).build();

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private TestServer server;

    @BeforeEach
    void startServer() {
        server = TestServer.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose) {
            c.close();
        }
        server.close();
    }

    private KaliClient client(ClientOptions options) {
        KaliClient client = KaliClient.create(server.uri(), options);
        toClose.add(client);
        return client;
    }

    private static <T> T join(CompletableFuture<T> f) {
        return f.orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS).join();
    }

    record Point(int x, int y) {
    }

    @Nested
    class Call {

        @Test
        void resolvesWithTheReplyData() {
            KaliClient ks = client(ClientOptions.defaults());
            join(ks.connect());
            assertThat(ks.state()).isEqualTo(ClientState.OPEN);
            JsonNode data = join(ks.call("echo", "say", Map.of("data", Map.of("n", 1, "s", "héllo"))));
            assertThat(data.get("n").asInt()).isEqualTo(1);
            assertThat(data.get("s").asText()).isEqualTo("héllo");
        }

        @Test
        void bindsTheReplyDataToAType() {
            KaliClient ks = client(ClientOptions.defaults());
            ks.connect();
            Point p = join(ks.call("echo", "say", Map.of("data", new Point(3, 4)), Point.class));
            assertThat(p).isEqualTo(new Point(3, 4));
            List<Integer> list = join(ks.call("echo", "say", Map.of("data", List.of(1, 2, 3)),
                    new TypeReference<List<Integer>>() { }));
            assertThat(list).containsExactly(1, 2, 3);
        }

        @Test
        void failsWithTheErrorReplysCode() {
            KaliClient ks = client(ClientOptions.defaults());
            ks.connect();
            assertThatThrownBy(() -> join(ks.call("nosuch", "action", null)))
                    .isInstanceOf(CompletionException.class).cause()
                    .isInstanceOfSatisfying(ReplyException.class, e -> {
                        assertThat(e.code()).isEqualTo(404);
                        assertThat(e.reply()).isPresent();
                    });
            assertThatThrownBy(() -> join(ks.call("echo", "fail", null))).cause()
                    .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.code()).isEqualTo(500));
        }

        @Test
        void failsWith408WhenNoReplyComesInTime() {
            KaliClient ks = KaliClient.create(java.net.URI.create("ws://127.0.0.1:" + TestServer.freePort() + "/"),
                    onFakeTime);
            toClose.add(ks);
            ks.connect();
            CompletableFuture<JsonNode> call = ks.call("echo", "say", Map.of("data", 1));
            clock.advance(onFakeTime.callTimeout().minusMillis(1));
            assertThat(call).isNotDone();
            clock.advance(Duration.ofMillis(1));
            assertThatThrownBy(() -> join(call)).cause()
                    .isInstanceOfSatisfying(ReplyException.class,
                            e -> assertThat(e.code()).isEqualTo(ReplyException.TIMEOUT));
        }
    }

    @Test
    void pushesReachTheListenersOfTheirType() {
        KaliClient ks = client(ClientOptions.defaults());
        ConcurrentLinkedQueue<JsonNode> notes = new ConcurrentLinkedQueue<>();
        ks.on("note", notes::add);
        ks.connect();
        assertThat(join(ks.call("echo", "push", Map.of("text", "hello"))).asBoolean()).isTrue();
        await().atMost(WAIT).until(() -> !notes.isEmpty());
        assertThat(notes.peek().get("text").asText()).isEqualTo("hello");
    }

    @Test
    void heartbeatIsSentAndAnsweredWhileTheConnectionStaysOpen() {
        KaliClient ks = client(onFakeTime);
        AtomicInteger drops = new AtomicInteger();
        ks.listen(new ClientListener() {
            @Override
            public void onClose(int code, String reason, boolean isFinal) {
                drops.incrementAndGet();
            }
        });
        join(ks.connect());
        for (int beats = 1; beats <= 5; beats++) {
            long expected = beats;
            clock.advance(onFakeTime.heartbeatInterval());
            await().atMost(WAIT).until(() -> server.heartbeats() == expected);
        }
        assertThat(drops).hasValue(0);
        assertThat(ks.state()).isEqualTo(ClientState.OPEN);
        assertThat(server.running().counters().totals().get("connections_opened")).isEqualTo(1L);
    }

    @Test
    void callsAndSendsMadeWhileDisconnectedAreSentInOrderOnConnect() {
        int port = TestServer.freePort();
        KaliClient ks = KaliClient.create(java.net.URI.create("ws://127.0.0.1:" + port + "/"),
                onFakeTime);
        toClose.add(ks);
        AtomicInteger reconnecting = new AtomicInteger();
        ks.listen(new ClientListener() {
            @Override
            public void onReconnecting(int attempt, Duration delay) {
                reconnecting.incrementAndGet();
            }
        });
        ks.connect();
        List<CompletableFuture<JsonNode>> calls = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            calls.add(ks.call("echo", "say", Map.of("data", i)));
        }
        assertThat(ks.send("echo", "push", Map.of("text", "queued"))).isTrue();
        ConcurrentLinkedQueue<JsonNode> notes = new ConcurrentLinkedQueue<>();
        ks.on("note", notes::add);
        await().atMost(WAIT).until(() -> reconnecting.get() == 1); // the first attempt failed; the next waits
        assertThat(ks.state()).isNotEqualTo(ClientState.OPEN);
        try (TestServer later = TestServer.start(port, s -> { })) {
            clock.advance(onFakeTime.backoff().min()); // the first retry waits at most min: it finds the server
            assertThat(calls.stream().map(f -> join(f).asInt())).containsExactly(1, 2, 3);
            await().atMost(WAIT).until(() -> !notes.isEmpty());
            assertThat(later.okReplies()).isEqualTo(4);
        }
    }

    @Test
    void closeEndsTheClientAndFailsWhatIsPending() {
        KaliClient ks = client(ClientOptions.defaults());
        join(ks.connect());
        CompletableFuture<JsonNode> pending = ks.call("echo", "say", Map.of("data", "x"));
        ks.close();
        assertThat(pending).isDone();
        if (pending.isCompletedExceptionally()) {
            assertThatThrownBy(pending::join).cause().isInstanceOfSatisfying(ReplyException.class,
                    e -> assertThat(e.code()).isEqualTo(ReplyException.CLOSED));
        }
        assertThat(ks.state()).isEqualTo(ClientState.CLOSED);
        assertThat(ks.send("echo", "say", null)).isFalse();
        assertThatThrownBy(() -> ks.call("echo", "say", null).join()).cause()
                .isInstanceOfSatisfying(ReplyException.class, e -> assertThat(e.code()).isEqualTo(ReplyException.CLOSED));
    }
}
