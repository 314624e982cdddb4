package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.testing.FakeClock;
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

/**
 * {@link KaliClient}'s delivery rules against real servers: resend until receipt, dead connections, restarts. The
 * client runs on a fake clock: resends, the dead-connection check and reconnect back-off happen when a test
 * advances it, and nothing waits them out.
 */
class ResendAndReconnectTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeClock clock = new FakeClock();
    private final ClientOptions options = ClientOptions.builder().clock(new FakeClientClock(clock)).build();

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
             KaliClient ks = KaliClient.create(server.uri(), options)) {
            ks.connect().join();
            CompletableFuture<JsonNode> call = ks.call("echo", "say", Map.of("data", "again"));
            await().atMost(WAIT).until(() -> copiesOfTheOneCall(copies) == 1);
            clock.advance(options.resendInterval().minusMillis(1));
            assertThat(copiesOfTheOneCall(copies)).as("before the resend interval").isEqualTo(1);
            clock.advance(Duration.ofMillis(1));
            await().atMost(WAIT).until(() -> copiesOfTheOneCall(copies) == 2);
            clock.advance(options.resendInterval());
            assertThat(call.get(30, TimeUnit.SECONDS).asText()).isEqualTo("again");
            assertThat(copies).hasSize(1);
            assertThat(copiesOfTheOneCall(copies)).as("copies of the one msgid").isEqualTo(3);
        }
    }

    @Test
    void anAcknowledgedCallIsNotResent() {
        Map<String, AtomicInteger> copies = new ConcurrentHashMap<>();
        // This server acknowledges every call and never answers it.
        try (TestServer server = TestServer.start(0, s -> s.onMessage((conn, text) -> {
            String msgid = read(text).path("msgid").asText();
            copies.computeIfAbsent(msgid, k -> new AtomicInteger()).incrementAndGet();
            conn.send(Map.of("type", "pongMsg", "msgid", msgid));
        }));
             KaliClient ks = KaliClient.create(server.uri(), options)) {
            List<JsonNode> receipts = new CopyOnWriteArrayList<>();
            ks.on("*", receipts::add);
            ks.connect().join();
            ks.call("echo", "say", Map.of("data", "once"));
            await().atMost(WAIT).until(() -> receipts.size() == 1);
            clock.advance(options.resendInterval().multipliedBy(5));
            ks.call("echo", "say", Map.of("data", "barrier"));
            await().atMost(WAIT).until(() -> copies.size() == 2);
            assertThat(copies.values()).extracting(AtomicInteger::get).containsExactly(1, 1);
        }
    }

    @Test
    void aCallWithoutReplyFailsWith408AfterTheCallTimeout() {
        try (TestServer server = TestServer.start(0, s -> s.onMessage((conn, text) -> { }));
             KaliClient ks = KaliClient.create(server.uri(), options)) {
            ks.connect().join();
            CompletableFuture<JsonNode> call = ks.call("echo", "say", Map.of("data", "lost"));
            clock.advance(options.callTimeout().minusMillis(1));
            assertThat(call).isNotDone();
            clock.advance(Duration.ofMillis(1));
            assertThat(call).isCompletedExceptionally();
            assertThatThrownBy(call::join).cause().isInstanceOfSatisfying(ReplyException.class,
                    e -> assertThat(e.code()).isEqualTo(ReplyException.TIMEOUT));
        }
    }

    private static int copiesOfTheOneCall(Map<String, AtomicInteger> copies) {
        return copies.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void aSilentConnectionCountsAsDeadAndIsReplaced() {
        // The server ignores every frame, the unknown heartbeat included: the client hears nothing.
        ClientOptions silent = options.toBuilder().heartbeatPing("~nobody-answers~").build();
        AtomicInteger reconnecting = new AtomicInteger();
        AtomicInteger reconnected = new AtomicInteger();
        try (TestServer server = TestServer.start(0, s -> s.onMessage((conn, text) -> { }));
             KaliClient ks = KaliClient.create(server.uri(), silent)) {
            ks.listen(new ClientListener() {
                @Override
                public void onReconnecting(int attempt, Duration delay) {
                    reconnecting.incrementAndGet();
                }

                @Override
                public void onReconnected() {
                    reconnected.incrementAndGet();
                }
            });
            Duration check = silent.deadAfter().dividedBy(4).plusMillis(1); // how often the client looks
            ks.connect().join();
            clock.advance(silent.deadAfter());
            assertThat(reconnecting).as("silent for deadAfter: not yet more than it").hasValue(0);
            clock.advance(check); // the next look finds it silent for longer: dead
            await().atMost(WAIT).until(() -> reconnecting.get() == 1);
            clock.advance(silent.backoff().min()); // the first attempt after an open waits at most min
            await().atMost(WAIT).until(() -> reconnected.get() == 1);

            clock.advance(silent.deadAfter().plus(check.multipliedBy(2))); // the replacement hears nothing either
            await().atMost(WAIT).until(() -> reconnecting.get() == 2);
            clock.advance(silent.backoff().min());
            await().atMost(WAIT).until(() -> reconnected.get() == 2);
            assertThat(server.running().counters().totals().get("connections_opened")).isEqualTo(3L);
        }
    }

    @Test
    void resumeRunsAfterAReconnectBeforeWhatWasQueued() {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicInteger reconnecting = new AtomicInteger();
        try (TestServer server = TestServer.start();
             KaliClient ks = KaliClient.create(server.uri(), options)) {
            ks.resume(direct -> direct.call("echo", "say", Map.of("data", "rejoin")).thenAccept(d -> order.add(d.asText())));
            ks.listen(new ClientListener() {
                @Override
                public void onReconnecting(int attempt, Duration delay) {
                    reconnecting.incrementAndGet();
                }
            });
            ks.connect().join();
            assertThat(ks.send("echo", "bye", null)).isTrue(); // the server closes this connection with 4001
            await().atMost(WAIT).until(() -> reconnecting.get() == 1);
            ks.call("echo", "say", Map.of("data", "queued")).thenAccept(d -> order.add(d.asText())); // while away
            clock.advance(options.backoff().min()); // the first attempt after an open waits at most min
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
             KaliClient ks = KaliClient.create(server.uri(), options.toBuilder()
                     .callTimeout(Duration.ofHours(1)) // time passes while the test waits: no call may time out
                     .build())) {
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
            // Time moves on while the calls go (resends, the reconnect's back-off): a second of it per look.
            await().atMost(WAIT).until(() -> {
                clock.advance(Duration.ofSeconds(1));
                return results.size() + errors.size() == total && restart.isDone();
            });
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
