package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.TestClient;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ready pipeline, end to end: heartbeat, envelope, dispatch, binding and replies (DESIGN.md section 2). */
class DispatchTest {

    static RunningServer server;
    TestClient client;

    @BeforeAll
    static void start() {
        server = TestServers.probe("limits.messages-per-second", "100000", "limits.message-burst", "100000");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void connect() {
        client = TestClient.connect(server.port());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void heartbeat_isAnsweredWithThePong() {
        client.send("~H#C~");
        assertThat(client.awaitMessages(1)).containsExactly("~H#S~");
    }

    @Test
    void reply_hasTheEnvelopeShape() {
        client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":{\"a\":[1,2]}}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.toString()).isEqualTo("{\"ct\":\"probe\",\"ac\":\"echo\",\"code\":0,\"msg\":\"ok\",\"data\":{\"a\":[1,2]}}");
    }

    @Test
    void reply_ofANullResultCarriesDataNull() {
        client.send("{\"ct\":\"probe\",\"ac\":\"echo\"}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.has("data")).isTrue();
        assertThat(reply.get("data").isNull()).isTrue();
    }

    @Test
    void voidAction_sendsNoReplyOfItsOwn() {
        client.send("{\"ct\":\"probe\",\"ac\":\"push\"}");
        client.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"after\"}");
        List<String> messages = client.awaitMessages(2);
        assertThat(messages.get(0)).isEqualTo("{\"type\":\"pushed\"}");
        assertThat(TestClient.parse(messages.get(1)).get("data").asText()).isEqualTo("after");
    }

    @Test
    void binding_fillsTheRequestRecord() {
        client.send("{\"ct\":\"probe\",\"ac\":\"bind\",\"name\":\"ann\",\"times\":3}");
        JsonNode data = TestClient.parse(client.awaitMessages(1).get(0)).get("data");
        assertThat(data.get("name").asText()).isEqualTo("ann");
        assertThat(data.get("times").asInt()).isEqualTo(3);
    }

    @Test
    void binding_failureIsA400NamingTheField() {
        client.send("{\"ct\":\"probe\",\"ac\":\"bind\",\"name\":\"ann\",\"times\":\"many\"}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.get("code").asInt()).isEqualTo(400);
        assertThat(reply.get("msg").asText()).contains("'times'");
    }

    /** Jackson would truncate 1.5 to 1 by default: a number that is not whole is refused where an integer is declared. */
    @Test
    void binding_aFractionForAnIntegerField_isA400NamingTheField() {
        client.send("{\"ct\":\"probe\",\"ac\":\"bind\",\"name\":\"ann\",\"times\":1.5}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.get("code").asInt()).isEqualTo(400);
        assertThat(reply.get("msg").asText()).contains("'times'");
    }

    @Test
    void unknownControllerOrAction_isA404() {
        client.send("{\"ct\":\"nobody\",\"ac\":\"echo\"}");
        client.send("{\"ct\":\"probe\",\"ac\":\"nothing\"}");
        List<String> replies = client.awaitMessages(2);
        assertThat(replies).allSatisfy(r -> assertThat(TestClient.parse(r).get("code").asInt()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "java.lang.Runtime", "Echo$1", "getClass", "hashCode", "wait", "toString",
            "notify", "equals", "", "a b", "COUNTED"})
    void hostileNames_neverReachAnythingBut400Or404(String name) {
        client.sendJson(java.util.Map.of("ct", "probe", "ac", name));
        client.sendJson(java.util.Map.of("ct", name, "ac", "echo"));
        List<String> replies = client.awaitMessages(2);
        assertThat(replies).allSatisfy(r -> assertThat(TestClient.parse(r).get("code").asInt()).isIn(400, 404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[1]", "42", "{\"ac\":\"echo\"}", "{\"ct\":\"probe\"}", "{\"ct\":\"probe\",\"ac\":\"\"}"})
    void invalidMessages_getA400AndTheConnectionStaysOpen(String message) {
        client.send(message);
        assertThat(TestClient.parse(client.awaitMessages(1).get(0)).get("code").asInt()).isEqualTo(400);
        client.send("~H#C~");
        assertThat(client.awaitMessages(2).get(1)).isEqualTo("~H#S~");
    }

    @Test
    void actionThatThrows_isA500WithoutDetails() {
        client.send("{\"ct\":\"probe\",\"ac\":\"boom\"}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.get("code").asInt()).isEqualTo(500);
        assertThat(reply.get("msg").asText()).isEqualTo("internal error").doesNotContain("kaboom");
    }

    @Test
    void kaliException_givesItsCodeAndMessage() {
        client.send("{\"ct\":\"probe\",\"ac\":\"deny\"}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.get("code").asInt()).isEqualTo(403);
        assertThat(reply.get("msg").asText()).isEqualTo("not yours");
    }

    @Test
    void errorReplyException_givesItsCodeAndShortMessageOnly() {
        client.send("{\"ct\":\"probe\",\"ac\":\"unavailable\"}");
        JsonNode reply = TestClient.parse(client.awaitMessages(1).get(0));
        assertThat(reply.get("code").asInt()).isEqualTo(503);
        assertThat(reply.get("msg").asText()).isEqualTo("database unavailable");
    }

    @Test
    void ipAndClientId_areAddedAndCannotBeOverwrittenByTheClient() {
        client.send("{\"ct\":\"probe\",\"ac\":\"whoami\",\"ip\":\"6.6.6.6\",\"client_id\":\"forged\"}");
        JsonNode data = TestClient.parse(client.awaitMessages(1).get(0)).get("data");
        assertThat(data.get("ip").asText()).isEqualTo("127.0.0.1");
        assertThat(data.get("client_id").asText()).isEqualTo(data.get("clientId").asText()).isNotEqualTo("forged")
                .startsWith(server.nodeId() + "-");
    }

    @Test
    void replies_keepTheOrderOfA1000MessagesOnOneConnection() {
        IntStream.range(0, 1000).forEach(i -> client.send(i % 3 == 0
                ? "{\"ct\":\"probe\",\"ac\":\"fast\",\"data\":" + i + "}"
                : i % 7 == 0 ? "{\"ct\":\"probe\",\"ac\":\"missing\",\"n\":" + i + "}"
                : "{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":" + i + "}"));
        List<String> replies = client.awaitMessages(1000);
        for (int i = 0; i < 1000; i++) {
            JsonNode reply = TestClient.parse(replies.get(i));
            if (i % 3 != 0 && i % 7 == 0) {
                assertThat(reply.get("code").asInt()).as("reply %d", i).isEqualTo(404);
            } else {
                assertThat(reply.get("data").asInt()).as("reply %d", i).isEqualTo(i);
            }
        }
    }

    @Test
    void inlineCallsAndAnswers_ofAConnectionThatNeverQueued_keepTheirOrder() {
        // All run in the read (nothing of the connection waits on the loop); the 404s are answered there too.
        IntStream.range(0, 1000).forEach(i -> client.send(i % 7 == 0
                ? "{\"ct\":\"probe\",\"ac\":\"missing\",\"n\":" + i + "}"
                : "{\"ct\":\"probe\",\"ac\":\"fast\",\"data\":" + i + "}"));
        List<String> replies = client.awaitMessages(1000);
        for (int i = 0; i < 1000; i++) {
            JsonNode reply = TestClient.parse(replies.get(i));
            if (i % 7 == 0) {
                assertThat(reply.get("code").asInt()).as("reply %d", i).isEqualTo(404);
            } else {
                assertThat(reply.get("data").asInt()).as("reply %d", i).isEqualTo(i);
            }
        }
    }

    @Test
    void everyRoutedCall_isCountedForTheMetrics_notFoundOnesAreNot() {
        long before = server.counters().totals().get("actions_run");
        client.send("{\"ct\":\"probe\",\"ac\":\"echo\"}");
        client.send("{\"ct\":\"probe\",\"ac\":\"boom\"}");
        client.send("{\"ct\":\"nobody\",\"ac\":\"x\"}");
        client.awaitMessages(3);
        assertThat(server.counters().totals().get("actions_run")).isEqualTo(before + 2);
    }

    @Test
    void inlineAction_repliesLikeAnyOther() {
        client.send("{\"ct\":\"probe\",\"ac\":\"fast\",\"data\":\"quick\"}");
        assertThat(TestClient.parse(client.awaitMessages(1).get(0)).get("data").asText()).isEqualTo("quick");
    }

    @Test
    void binaryMessages_getA400() {
        client.sendBinary(new byte[] {1, 2, 3});
        assertThat(TestClient.parse(client.awaitMessages(1).get(0)).get("code").asInt()).isEqualTo(400);
        assertThat(client.isClosed()).isFalse();
    }

    @Test
    void aBlockedActionDoesNotStallOtherConnections() throws Exception {
        io.kalisocket.internal.server.app.ProbeController.gate = new java.util.concurrent.CountDownLatch(1);
        try (TestClient other = TestClient.connect(server.port())) {
            client.send("{\"ct\":\"probe\",\"ac\":\"block\"}");
            other.send("{\"ct\":\"probe\",\"ac\":\"echo\",\"data\":\"free\"}");
            assertThat(TestClient.parse(other.awaitMessages(1).get(0)).get("data").asText()).isEqualTo("free");
            assertThat(client.received()).isEmpty();
        } finally {
            io.kalisocket.internal.server.app.ProbeController.gate.countDown();
        }
        assertThat(TestClient.parse(client.awaitMessages(1).get(0)).get("data").asText()).isEqualTo("released");
    }
}
