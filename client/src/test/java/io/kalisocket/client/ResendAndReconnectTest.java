package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link KaliClient}'s delivery rules against real servers: resend until receipt, dead connections, restarts. */
class ResendAndReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCallIsResentWithTheSameMsgidUntilItsReceiptComes() throws Exception {
        Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();
        // This server loses the first two copies of every call, then acknowledges every copy and runs the third.
        try (TestServer server = TestServer.start(0, s -> s.onMessage((conn, text) -> {
            JsonNode m = read(text);
            String msgid = m.path("msgid").asText();
            int copy = copies.computeIfAbsent(msgid, k -> new AtomicInteger()).incrementAndGet();
            if (copy < 3) {
                return;
            }
            conn.send(Map.of("type", "pongMsg", "msgid", msgid));
            if (copy == 3) {
                s.dispatcher().run(conn, m);
            }
        }));
             KaliClient ks = KaliClient.create(server.uri(),
                     ClientOptions.defaults().withResendInterval(Duration.ofMillis(30)))) {
            ks.connect();
            assertThat(ks.call("echo", "say", Map.of("data", "again")).get(30, TimeUnit.SECONDS).asText())
                    .isEqualTo("again");
            assertThat(copies).hasSize(1);
            assertThat(copies.values().iterator().next().get()).as("copies of the one msgid").isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aSilentConnectionCountsAsDeadAndIsReplaced() {
        // The server ignores every frame, the unknown heartbeat included: the client hears nothing.
        ClientOptions options = ClientOptions.defaults()
                .withHeartbeatInterval(Duration.ofMillis(50))
                .withDeadAfter(Duration.ofMillis(200))
                .withBackoff(new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 2, 0.5));
        options = new ClientOptions(options.query(), options.heartbeatInterval(), "~nobody-answers~",
                options.heartbeatPong(), options.deadAfter(), options.connectTimeout(), options.callTimeout(),
                options.resendInterval(), options.reconnect(), options.backoff(), options.maxQueue(),
                options.finalCloseCodes(), options.recover());
        AtomicInteger reconnected = new AtomicInteger();
        try (TestServer server = TestServer.start(0, s -> s.onMessage((conn, text) -> { }));
             KaliClient ks = KaliClient.create(server.uri(), options)) {
            ks.listen(new ClientListener() {
                @Override
                public void onReconnected() {
                    reconnected.incrementAndGet();
                }
            });
            ks.connect();
            await().atMost(WAIT).until(() -> reconnected.get() >= 2);
            assertThat(server.running().counters().totals().get("connections_opened")).isGreaterThanOrEqualTo(3L);
        }
    }

    @Test
    void resumeRunsAfterAReconnectBeforeWhatWasQueued() {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger reconnecting = new AtomicInteger();
        try (TestServer server = TestServer.start();
             KaliClient ks = KaliClient.create(server.uri(), ClientOptions.defaults()
                     .withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofMillis(300), 1, 0)))) {
            ks.resume(direct -> direct.call("echo", "say", Map.of("data", "rejoin")).thenAccept(d -> order.add(d.asText())));
            ks.listen(new ClientListener() {
                @Override
                public void onReconnecting(int attempt, Duration delay) {
                    reconnecting.incrementAndGet();
                }
            });
            ks.connect().join();
            assertThat(ks.send("echo", "bye", null)).isTrue(); // the server closes this connection with 4001
            await().atMost(WAIT).pollInterval(Duration.ofMillis(1)).until(() -> reconnecting.get() == 1);
            ks.call("echo", "say", Map.of("data", "queued")).thenAccept(d -> order.add(d.asText()));
            await().atMost(WAIT).until(() -> order.size() == 2);
            assertThat(order).containsExactly("rejoin", "queued");
        }
    }

    @Test
    void serverRestartMidStreamEveryCallCompletesOnceAndNoneRunsTwice() {
        int total = 300;
        ConcurrentHashMap<Integer, Integer> results = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        AtomicInteger started = new AtomicInteger();
        AtomicInteger doubles = new AtomicInteger();
        AtomicInteger reconnects = new AtomicInteger();
        try (TestServer server = TestServer.start();
             KaliClient ks = KaliClient.create(server.uri(), ClientOptions.defaults()
                     .withResendInterval(Duration.ofMillis(200))
                     .withBackoff(new Backoff(Duration.ofMillis(20), Duration.ofMillis(500), 2, 0.5)))) {
            ks.listen(new ClientListener() {
                @Override
                public void onReconnected() {
                    reconnects.incrementAndGet();
                }
            });
            ks.connect().join();
            CompletableFuture<Void> restart = new CompletableFuture<>();
            Runnable[] next = new Runnable[1];
            next[0] = () -> {
                int n = started.getAndIncrement();
                if (n >= total) {
                    return;
                }
                if (n == total / 3) {
                    CompletableFuture.runAsync(server::restart).whenComplete((v, e) -> restart.complete(null));
                }
                ks.call("echo", "say", Map.of("data", n)).whenComplete((v, e) -> {
                    if (e != null) {
                        errors.add(e);
                    } else if (results.putIfAbsent(n, v.asInt()) != null) {
                        doubles.incrementAndGet();
                    }
                    next[0].run();
                });
            };
            for (int i = 0; i < 5; i++) {
                next[0].run();
            }
            await().atMost(WAIT).until(() -> results.size() + errors.size() == total && restart.isDone());
            assertThat(errors).isEmpty();
            assertThat(doubles).hasValue(0);
            results.forEach((n, v) -> assertThat(v).isEqualTo(n));
            assertThat(reconnects.get()).isGreaterThanOrEqualTo(1);
            assertThat(server.okReplies()).as("actions run, over both servers").isEqualTo(total);
        }
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
