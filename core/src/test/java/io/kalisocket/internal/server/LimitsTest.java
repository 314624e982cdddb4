package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.RunningServer;
import io.kalisocket.testing.TestClient;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Every limit has a number and a clear answer (DESIGN.md section 4). */
class LimitsTest {

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

    @Test
    void rateLimit_answers429ThenClosesSustainedAbuseWith1008() {
        try (RunningServer server = TestServers.probe("limits.messages-per-second", "1", "limits.message-burst", "3",
                "limits.close-after-rate-limited", "5");
                TestClient client = TestClient.connect(server.port())) {
            for (int i = 0; i < 8; i++) {
                client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":" + i + "}");
            }
            assertThat(client.awaitClose()).isEqualTo(1008);
            List<Integer> codes = new ArrayList<>();
            client.receivedJson().forEach(n -> codes.add(n.get("code").asInt()));
            assertThat(codes).startsWith(0, 0, 0).contains(429);
            assertThat(server.counters().totals().get("rate_limited")).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void handshakeTimeout_closesATcpConnectionThatNeverUpgrades() throws Exception {
        try (RunningServer server = TestServers.probe("limits.handshake-timeout", "300ms");
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) TestClient.WAIT.toMillis());
            InputStream in = socket.getInputStream();
            assertThat(in.read()).as("end of stream: the server closed the connection").isEqualTo(-1);
        }
    }

    @Test
    void idleTimeout_closesASilentConnectionWith1001() {
        try (RunningServer server = TestServers.probe("limits.idle-timeout", "300ms");
                TestClient client = TestClient.connect(server.port())) {
            assertThat(client.awaitClose()).isEqualTo(1001);
            assertThat(server.counters().totals().get("idle_closes")).isEqualTo(1);
        }
    }

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
