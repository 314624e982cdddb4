package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.LimitsConfig;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every limit has a number and a clear answer (DESIGN.md section 4). The limits in time (rate, handshake, idle)
 * run on the server's clock, here a fake one that moves only when a test advances it: nothing waits them out.
 */
class LimitsTest {

    private static final String ECHO = "{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":1}";

    private final FakeClock clock = new FakeClock();
    private int timersAtStart;

    @Test
    void oversizedMessage_closesWith1009() {
        try (RunningServer server = TestServers.probe("limits.max-message-bytes", "1024");
                TestClient client = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"" + "x".repeat(2000) + "\"}");
            assertThat(client.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void connectionsPerIp_pastTheLimitAreRefusedWith429() {
        try (RunningServer server = TestServers.probe("limits.max-connections-per-ip", "2");
                TestClient a = TestClient.connect(server.port()); TestClient b = TestClient.connect(server.port())) {
            assertThat(refusalStatus(server.port())).isEqualTo(429);
            a.close();
            await().atMost(TestClient.WAIT).untilAsserted(() -> {
                try (TestClient c = TestClient.connect(server.port())) {
                    assertThat(c.isClosed()).isFalse();
                }
            });
            assertThat(server.counters().refusalsByReason()).containsKey("max-connections-per-ip");
        }
    }

    @Test
    void connectionsInTotal_pastTheLimitAreRefusedWith503() {
        try (RunningServer server = TestServers.probe("limits.max-connections", "1");
                TestClient a = TestClient.connect(server.port())) {
            assertThat(refusalStatus(server.port())).isEqualTo(503);
        }
    }

    /* ---------------- rate limit: tokens refill on the server's clock ---------------- */

    @Test
    void rateLimit_answers429ThenClosesSustainedAbuseWith1008() {
        try (RunningServer server = onFakeTime("limits.messages-per-second", "1", "limits.message-burst", "3",
                "limits.close-after-rate-limited", "5");
                TestClient client = TestClient.connect(server.port())) {
            for (int i = 0; i < 8; i++) {
                client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":" + i + "}");
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
            List<Integer> codes = new ArrayList<>();
            client.receivedJson().forEach(n -> codes.add(n.get("code").asInt()));
            // No time passes: the burst, then a 429 for each message over it, until the fifth in a row closes.
            assertThat(codes).containsExactly(0, 0, 0, 429, 429, 429, 429);
            assertThat(server.counters().totals().get("rate_limited")).isEqualTo(5);
        }
    }

    @Test
    void rateLimit_refillsOneTokenPerIntervalOfTheServersClock() {
        try (RunningServer server = onFakeTime("limits.messages-per-second", "2", "limits.message-burst", "1");
                TestClient client = TestClient.connect(server.port())) {
            assertThat(codeOfNext(client, 1)).as("the burst").isZero();
            assertThat(codeOfNext(client, 2)).as("over the burst").isEqualTo(429);
            clock.advance(Duration.ofMillis(499));
            assertThat(codeOfNext(client, 3)).as("just before the next token").isEqualTo(429);
            clock.advance(Duration.ofMillis(1));
            assertThat(codeOfNext(client, 4)).as("one token per 500 ms").isZero();
        }
    }

    /** The old rule (N refusals in a row) was reset by every refilled token: a client could go on at 2x forever. */
    @Test
    void rateLimit_closesSustainedAbuse_whateverTheRefillPattern() {
        try (RunningServer server = onFakeTime("limits.messages-per-second", "10", "limits.message-burst", "1",
                "limits.close-after-rate-limited", "5");
                TestClient client = TestClient.connect(server.port())) {
            for (int round = 1; round <= 5; round++) {
                clock.advance(Duration.ofMillis(100)); // one token: the first of each pair passes, the second not
                client.send(ECHO).send(ECHO);
                client.awaitMessages(round < 5 ? 2 * round : 9); // the fifth refusal is answered by the close
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
            assertThat(server.counters().totals().get("rate_limited")).isEqualTo(5);
        }
    }

    /** Frames are counted before they are read: an invalid frame or a heartbeat costs a token like a call. */
    @Test
    void rateLimit_countsEveryFrameBeforeItIsRead_invalidOnesAndHeartbeatsIncluded() {
        try (RunningServer server = onFakeTime("limits.messages-per-second", "1", "limits.message-burst", "2",
                "limits.close-after-rate-limited", "3");
                TestClient client = TestClient.connect(server.port())) {
            client.send("not json").awaitMessages(1);
            client.send("~H#C~").awaitText("~H#S~");
            client.send("not json").send("~H#C~").send(ECHO);
            assertThat(client.awaitClose()).isEqualTo(1008);
            List<String> answers = client.received();
            assertThat(TestClient.parse(answers.get(0)).get("code").asInt()).as("within the budget").isEqualTo(400);
            assertThat(answers.get(1)).isEqualTo("~H#S~");
            assertThat(answers.subList(2, answers.size())).as("over it: 429, unread, then the close")
                    .hasSize(2).allSatisfy(a -> assertThat(TestClient.parse(a).get("code").asInt()).isEqualTo(429));
        }
    }

    /** The bar: at the default limits, 10x the budget is closed with 1008 within 5 s, valid or not. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ECHO, "not json"})
    void rateLimit_tenTimesTheDefaultBudget_isClosedWith1008Within5Seconds(String frame) {
        try (RunningServer server = onFakeTime();
                TestClient client = TestClient.connect(server.port())) {
            int perSecond = 10 * LimitsConfig.defaults().messagesPerSecond();
            for (int i = 0; i < 5 * perSecond && sent(client, frame); i++) { // 5 s of the server's clock at most
                if (i % 10 == 0) {
                    clock.advance(Duration.ofMillis(10_000 / perSecond));
                }
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
        }
    }

    /* ---------------- handshake timeout ---------------- */

    @Test
    void handshakeTimeout_closesATcpConnectionThatNeverUpgrades() throws Exception {
        try (RunningServer server = onFakeTime("limits.handshake-timeout", "5s");
                Socket socket = new Socket("127.0.0.1", server.port())) {
            awaitAccepted();
            clock.advance(Duration.ofSeconds(5));
            socket.setSoTimeout((int) TestClient.WAIT.toMillis());
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("end of stream: the server closed the connection").isEqualTo(-1);
        }
    }

    @Test
    void handshakeTimeout_leavesAConnectionThatUpgradedInTimeOpen() {
        try (RunningServer server = onFakeTime("limits.handshake-timeout", "5s", "limits.idle-timeout", "1h");
                TestClient client = TestClient.connect(server.port())) {
            clock.advance(Duration.ofSeconds(10));
            client.send(ECHO);
            assertThat(client.awaitMessages(1)).first().asString().contains("\"code\":0");
            assertThat(client.isClosed()).isFalse();
        }
    }

    /* ---------------- idle timeout ---------------- */

    @Test
    void idleTimeout_closesASilentConnectionWith1001() {
        try (RunningServer server = onFakeTime("limits.idle-timeout", "1m");
                TestClient client = TestClient.connect(server.port())) {
            clock.advance(Duration.ofMinutes(1).minusMillis(1));
            assertThat(server.counters().totals().get("idle_closes")).as("just before the timeout").isZero();
            clock.advance(Duration.ofMillis(1));
            assertThat(server.counters().totals().get("idle_closes")).isEqualTo(1);
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }

    @Test
    void idleTimeout_countsFromTheLastMessageReceived() {
        try (RunningServer server = onFakeTime("limits.idle-timeout", "1m");
                TestClient client = TestClient.connect(server.port())) {
            clock.advance(Duration.ofSeconds(50));
            client.send("~H#C~");
            client.awaitText("~H#S~");
            clock.advance(Duration.ofSeconds(50));
            assertThat(server.counters().totals().get("idle_closes")).as("50 s after the heartbeat").isZero();
            clock.advance(Duration.ofSeconds(10));
            assertThat(server.counters().totals().get("idle_closes")).as("60 s after the heartbeat").isEqualTo(1);
            assertThat(client.awaitClose()).isEqualTo(1001);
        }
    }

    /* ---------------- outbound limits ---------------- */

    @Test
    void slowConsumer_isClosedWhenItsOutboundBufferPassesTheHighWaterMark() {
        try (RunningServer server = TestServers.probe("limits.outbound-high-water-mark", "65536",
                "limits.outbound-low-water-mark", "32768", "limits.max-message-bytes", "1048576",
                "limits.messages-per-second", "100000", "limits.message-burst", "100000");
                TestClient client = TestClient.connect(server.port())) {
            client.pauseReading();
            // 2,000 pushes of 64 KiB (128 MiB): far past socket buffers and the water mark.
            client.send("{\"ct\":\"probe\",\"ac\":\"flood\",\"count\":2000,\"size\":65536}");
            await().atMost(TestClient.WAIT).until(() -> server.counters().totals().get("slow_consumer_closes") == 1);
            client.resumeReading();
            await().atMost(TestClient.WAIT).until(client::isClosed);
        }
    }

    @Test
    void pipeliningClient_isSlowedDownNotClosed_repliesAreNeverDropped() {
        try (RunningServer server = TestServers.probe("limits.outbound-high-water-mark", "65536",
                "limits.outbound-low-water-mark", "32768", "limits.messages-per-second", "100000",
                "limits.message-burst", "100000");
                TestClient client = TestClient.connect(server.port())) {
            client.pauseReading();
            for (int i = 0; i < 300; i++) {
                client.send("{\"ct\":\"probe\",\"ac\":\"big\",\"size\":16384}");
            }
            client.resumeReading();
            assertThat(client.awaitMessages(300)).allSatisfy(m -> assertThat(m).contains("\"code\":0"));
            assertThat(server.counters().totals()).containsEntry("slow_consumer_closes", 0L).containsEntry("dropped", 0L);
        }
    }

    @Test
    void slowConsumer_dropPolicyDropsAndCountsButKeepsTheConnection() {
        try (RunningServer server = TestServers.probe("limits.outbound-high-water-mark", "65536",
                "limits.outbound-low-water-mark", "32768", "limits.slow-consumer-policy", "drop",
                "limits.messages-per-second", "100000", "limits.message-burst", "100000");
                TestClient client = TestClient.connect(server.port())) {
            client.pauseReading();
            client.send("{\"ct\":\"probe\",\"ac\":\"flood\",\"count\":2000,\"size\":60000}");
            await().atMost(TestClient.WAIT).until(() -> server.counters().totals().get("dropped") > 0);
            client.resumeReading();
            // A pong written while the backlog drains is itself dropped, so keep asking until one arrives.
            await().atMost(TestClient.WAIT).until(() -> {
                client.send("~H#C~");
                return client.received().contains("~H#S~");
            });
            assertThat(client.isClosed()).isFalse();
        }
    }

    /** @return false once the client can send no more: the server's close came, and the client answered it */
    private static boolean sent(TestClient client, String frame) {
        try {
            client.send(frame);
            return true;
        } catch (CompletionException outputClosed) {
            return false;
        }
    }

    /** @return a probe server on {@link #clock}, with the given config overrides */
    private RunningServer onFakeTime(String... keyValues) {
        RunningServer server = TestServers.probe(c -> KaliServer.create(c).clock(clock), keyValues);
        timersAtStart = clock.scheduledTasks();
        return server;
    }

    /** @param count the answers received so far, this one included @return the code of the answer to one more call */
    private static int codeOfNext(TestClient client, int count) {
        client.send(ECHO);
        return TestClient.parse(client.awaitMessages(count).get(count - 1)).get("code").asInt();
    }

    /**
     * Waits until the server has accepted a TCP connection: its handshake timer, the first timer a connection sets,
     * is then on the clock.
     */
    private void awaitAccepted() {
        await().atMost(TestClient.WAIT).until(() -> clock.scheduledTasks() > timersAtStart);
    }

    private static int refusalStatus(int port) {
        try {
            TestClient.attempt(URI.create("ws://127.0.0.1:" + port + "/"), Map.of()).join();
            throw new AssertionError("the handshake was accepted");
        } catch (CompletionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        }
    }

}
