package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Receipts and dedup: {@code pongMsg} before the action runs, a repeat inside the window acknowledged but not run.
 * The window is on the server's clock, here a fake one: it passes when a test advances it.
 */
class ReceiptsTest {

    private static final Duration WINDOW = Duration.ofMinutes(1);

    static final FakeClock clock = new FakeClock();
    static RunningServer server;

    @BeforeAll
    static void start() {
        // An hour of idle time: advancing the clock past the window must not close the connection as idle.
        server = TestServers.probe(c -> KaliServer.create(c).clock(clock), "protocol.receipt-window", "1m",
                "limits.idle-timeout", "1h");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void receipt_comesBeforeTheReplyAndTheReplyCarriesTheMsgid() {
        try (TestClient client = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":1,\"msgid\":\"a-1\"}");
            List<String> messages = client.awaitMessages(2);
            assertThat(messages.get(0)).isEqualTo("{\"type\":\"pongMsg\",\"msgid\":\"a-1\"}");
            JsonNode reply = TestClient.parse(messages.get(1));
            assertThat(reply.get("msgid").asText()).isEqualTo("a-1");
            assertThat(reply.get("code").asInt()).isZero();
        }
    }

    @Test
    void receipt_keepsANumericMsgidNumeric() {
        try (TestClient client = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"msgid\":42}");
            assertThat(client.awaitMessages(2)).first().isEqualTo("{\"type\":\"pongMsg\",\"msgid\":42}");
        }
    }

    @Test
    void repeat_insideTheWindowIsAcknowledgedAgainButNotRunAgain() {
        try (TestClient client = TestClient.connect(server.port())) {
            int before = ProbeController.COUNTED.get();
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"dup\"}");
            client.awaitReply("dup");
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"dup\"}");
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"barrier\"}");
            client.awaitJson(n -> "barrier".equals(n.path("data").asText()));
            assertThat(client.received()).filteredOn(m -> m.contains("pongMsg")).hasSize(2);
            assertThat(client.receivedJson()).filteredOn(n -> "dup".equals(n.path("msgid").asText()) && n.has("code"))
                    .hasSize(1);
            assertThat(ProbeController.COUNTED.get()).isEqualTo(before + 1);
            assertThat(server.counters().totals().get("dedup_hits")).isPositive();
        }
    }

    @Test
    void repeat_justBeforeTheWindowEndsIsStillNotRun() {
        try (TestClient client = TestClient.connect(server.port())) {
            int before = ProbeController.COUNTED.get();
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"late\"}");
            client.awaitReply("late");
            clock.advance(WINDOW.minusMillis(1));
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"late\"}");
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"barrier\"}");
            client.awaitJson(n -> "barrier".equals(n.path("data").asText()));
            assertThat(client.received()).filteredOn(m -> m.contains("pongMsg") && m.contains("late")).hasSize(2);
            assertThat(ProbeController.COUNTED.get()).isEqualTo(before + 1);
        }
    }

    @Test
    void repeat_afterTheWindowIsRunAgain() {
        try (TestClient client = TestClient.connect(server.port())) {
            int before = ProbeController.COUNTED.get();
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"again\"}");
            client.awaitReply("again");
            clock.advance(WINDOW);
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"again\"}");
            client.awaitJson(2, n -> n.has("code") && "again".equals(n.path("msgid").asText()));
            assertThat(ProbeController.COUNTED.get()).isEqualTo(before + 2);
        }
    }

    @Test
    void dedup_isPerClient_anotherClientWithTheSameMsgidRuns() {
        try (TestClient a = TestClient.connect(server.port()); TestClient b = TestClient.connect(server.port())) {
            a.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"a\",\"msgid\":\"same\"}");
            b.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"b\",\"msgid\":\"same\"}");
            assertThat(a.awaitReply("same").get("data").asText()).isEqualTo("a");
            assertThat(b.awaitReply("same").get("data").asText()).isEqualTo("b");
        }
    }

    @Test
    void messagesWithoutMsgid_getNoReceipt() {
        try (TestClient client = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":1}");
            client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":2,\"msgid\":\"\"}");
            assertThat(client.awaitMessages(2)).noneMatch(m -> m.contains("pongMsg"));
        }
    }
}
