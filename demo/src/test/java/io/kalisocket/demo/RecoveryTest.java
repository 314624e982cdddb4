package io.kalisocket.demo;

import static io.kalisocket.demo.DemoServers.PRESENCE_INTERVAL;
import static io.kalisocket.demo.DemoServers.awaitPresence;
import static io.kalisocket.demo.DemoServers.presence;
import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.internal.admin.AdminClient;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TcpProxy;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Connection recovery with the demo chat app (docs/RECOVERY.md): a dropped client returns with its token and
 * gets its connection and every missed push back; the window and the caps end that. The window runs on a fake
 * clock: nothing here sleeps.
 */
class RecoveryTest {

    private final FakeClock clock = new FakeClock();
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private TestServer start(String... keyValues) {
        List<String> settings = new ArrayList<>();
        DemoApp.DEFAULTS.forEach((k, v) -> {
            settings.add(k);
            settings.add(v);
        });
        settings.addAll(List.of("admin.enabled", "true", "admin.port", "0"));
        // The idle timeout runs on the same clock: it must outlast the recovery window the tests advance past.
        settings.addAll(List.of("limits.idle-timeout", "10m"));
        settings.addAll(List.of(keyValues));
        server = TestServer.start(c -> DemoApp.server(c).clock(clock), settings.toArray(String[]::new));
        return server;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> recoveryStatus() {
        try {
            AdminClient admin = new AdminClient(URI.create("http://127.0.0.1:" + server.running().adminPort().orElseThrow()),
                    "", null);
            return (Map<String, Object>) admin.get("/status").get("recovery");
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** @return the counters of {@code /status}'s recovery section, as longs */
    private Map<String, Long> counters() {
        Map<String, Long> counters = new TreeMap<>();
        recoveryStatus().forEach((k, v) -> {
            if (v instanceof Number n) {
                counters.put(k, n.longValue());
            }
        });
        return counters;
    }

    private long parked() {
        return counters().get("parked");
    }

    /** Ann (recoverable) and Bob in room r1; Ann's socket is killed and she is parked. */
    private record Dropped(TestClient ann, JsonNode recovery, String annId, TestClient bob) {
    }

    private Dropped annDropsOutOfRoomWithBob() {
        TestClient ann = server.connect("roster=1&uid=ann&recover=1");
        JsonNode recovery = ann.awaitType("recovery");
        TestClient bob = server.connect("roster=1&uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        String annId = recovery.get("client_id").asText();
        awaitPresence(clock, bob, presence("online", annId)); // else her departure would be no news
        ann.abort();
        await().until(() -> parked() == 1);
        return new Dropped(ann, recovery, annId, bob);
    }

    private static Predicate<JsonNode> numbered() {
        return n -> n.has("_seq");
    }

    /** @return the highest push number the client has seen */
    private static long lastSeq(TestClient client) {
        return client.receivedJson(numbered()).stream().mapToLong(n -> n.get("_seq").asLong()).max().orElse(0);
    }

    private static String resumeQuery(JsonNode recovery, long last) {
        return "resume=" + recovery.get("token").asText() + "&epoch=" + recovery.get("epoch").asText() + "&last=" + last;
    }

    @Test
    void aDroppedClient_getsItsConnectionAndEveryMissedPush_inOrder_exactlyOnce() {
        start();
        TestClient ann = server.connect("roster=1&uid=ann&recover=1");
        JsonNode recovery = ann.awaitType("recovery");
        assertThat(recovery.get("recovered").asBoolean()).isFalse();
        assertThat(TestClient.parse(ann.awaitMessages(1).get(0)).get("type").asText()).isEqualTo("recovery");
        String annId = recovery.get("client_id").asText();
        assertThat(ann.awaitType("welcome").get("client_id").asText()).isEqualTo(annId);
        TestClient bob = server.connect("roster=1&uid=bob");
        TestClient carl = server.connect("roster=1&uid=carl");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        carl.call("room", "join", "room", "r1");
        ann.awaitJson(2, Json.type("join"));
        clock.advance(PRESENCE_INTERVAL); // the arrivals are told before the drop
        ann.awaitJson(presence("online", annId));
        ann.awaitJson(Json.type("presence.count")); // sent after the roster frame: both are in before the drop
        long last = lastSeq(ann);

        ann.abort();
        await().until(() -> parked() == 1);
        for (int i = 0; i < 50; i++) {
            bob.call("room", "say", "room", "r1", "text", "m" + i);
        }
        for (int i = 0; i < 3; i++) {
            carl.call("user", "send", "to", "ann", "text", "p" + i);
        }

        assertThat(carl.awaitJson(50, Json.type("say"))).as("the room's others lose nothing").hasSize(50);

        TestClient back = server.connect(resumeQuery(recovery, last));
        JsonNode resumed = back.awaitType("recovery");
        assertThat(resumed.get("recovered").asBoolean()).isTrue();
        assertThat(resumed.get("client_id").asText()).isEqualTo(annId);
        assertThat(resumed.get("seq").asLong()).isEqualTo(last);
        List<JsonNode> missed = back.awaitJson(53, numbered());
        back.call("stats", "online"); // a barrier: anything extra would have arrived by its reply
        missed = back.receivedJson(numbered());
        assertThat(missed).hasSize(53);
        for (int i = 0; i < 53; i++) {
            assertThat(missed.get(i).get("_seq").asLong()).isEqualTo(last + 1 + i);
        }
        for (int i = 0; i < 50; i++) {
            assertThat(missed.get(i).get("type").asText()).isEqualTo("say");
            assertThat(missed.get(i).get("text").asText()).isEqualTo("m" + i);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(missed.get(50 + i).get("type").asText()).isEqualTo("private");
            assertThat(missed.get(50 + i).get("text").asText()).isEqualTo("p" + i);
        }
        assertThat(back).receivedNone(Json.type("welcome"));

        JsonNode members = back.call("room", "members", "room", "r1");
        assertThat(members.get("data").toString()).isEqualTo("{\"count\":3,\"uids\":[\"ann\",\"bob\",\"carl\"]}");
        bob.call("room", "say", "room", "r1", "text", "live");
        assertThat(back.awaitJson(Json.field("text", "live")).get("_seq").asLong()).isEqualTo(last + 54);
        clock.advance(PRESENCE_INTERVAL); // a return is neither a departure nor an arrival: nothing more to tell
        for (TestClient other : List.of(bob, carl)) {
            other.call("stats", "online");
            assertThat(other).receivedNone(Json.type("leave"));
            assertThat(other).receivedOnce(presence("online", annId));
            assertThat(other).receivedNone(presence("offline", annId));
        }
        assertThat(counters()).containsEntry("parked", 0L).containsEntry("recovered", 1L);
    }

    @Test
    void aSocketEndedByATcpReset_isParkedToo_andTheClientReturns() {
        start();
        try (TcpProxy network = new TcpProxy(server.port())) {
            TestClient ann = TestClient.connect(network.port(), "roster=1&uid=ann&recover=1");
            JsonNode recovery = ann.awaitType("recovery");
            TestClient bob = server.connect("roster=1&uid=bob");
            ann.call("room", "join", "room", "r1");
            bob.call("room", "join", "room", "r1");
            ann.awaitJson(Json.type("join")); // bob's
            long last = lastSeq(ann);

            network.reset(); // RST, not FIN: the server reads a "connection reset" error
            await().until(() -> parked() == 1);
            bob.call("room", "say", "room", "r1", "text", "while reset");

            TestClient back = server.connect(resumeQuery(recovery, last));
            assertThat(back.awaitType("recovery").get("recovered").asBoolean()).isTrue();
            assertThat(back.awaitJson(Json.field("text", "while reset")).get("_seq").asLong()).isEqualTo(last + 1);
            clock.advance(PRESENCE_INTERVAL);
            bob.call("stats", "online");
            assertThat(bob).receivedNone(presence("offline", recovery.get("client_id").asText()));
            ann.abort();
        }
    }

    @Test
    void afterTheWindow_theOfflineActionRuns_andTheReturnIsNotRecovered() {
        start();
        Dropped dropped = annDropsOutOfRoomWithBob();
        TestClient ann = dropped.ann();
        JsonNode recovery = dropped.recovery();
        String annId = dropped.annId();
        TestClient bob = dropped.bob();
        clock.advance(Duration.ofMinutes(2).minusMillis(1)); // presence frames went out meanwhile, each second
        bob.call("stats", "online");
        assertThat(bob).receivedNone(presence("offline", annId));

        clock.advance(Duration.ofMillis(1));
        assertThat(bob.awaitJson(Json.type("leave")).get("client_id").asText()).isEqualTo(annId);
        awaitPresence(clock, bob, presence("offline", annId));

        TestClient back = server.connect("roster=1&uid=ann&" + resumeQuery(recovery, lastSeq(ann)));
        JsonNode answer = back.awaitType("recovery");
        assertThat(answer.get("recovered").asBoolean()).isFalse();
        assertThat(answer.get("reason").asText()).isEqualTo("expired");
        assertThat(answer.get("client_id").asText()).isNotEqualTo(annId);
        assertThat(back.awaitType("welcome").get("client_id").asText()).isEqualTo(answer.get("client_id").asText());
        assertThat(counters()).containsEntry("expired", 1L);
    }

    @Test
    void overTheCap_theParkedClientIsFinished_memoryStaysWithinTheCap_andTheReturnIsNotRecovered() {
        long maxBytes = 2_000;
        start("recovery.max-bytes", String.valueOf(maxBytes));
        Dropped dropped = annDropsOutOfRoomWithBob();
        TestClient ann = dropped.ann();
        JsonNode recovery = dropped.recovery();
        String annId = dropped.annId();
        TestClient bob = dropped.bob();
        int sent = 0;
        while (bob.receivedJson(Json.type("leave")).isEmpty()) { // the close action's first push
            bob.call("room", "say", "room", "r1", "text", "x".repeat(80) + sent++);
            assertThat(counters().get("buffered_bytes")).isLessThanOrEqualTo(maxBytes);
            assertThat(sent).as("the cap ends the parking").isLessThan(100);
        }
        awaitPresence(clock, bob, presence("offline", annId));
        assertThat(counters()).containsEntry("parked", 0L).containsEntry("buffered_bytes", 0L)
                .containsEntry("overflowed", 1L);

        TestClient back = server.connect(resumeQuery(recovery, lastSeq(ann)));
        JsonNode answer = back.awaitType("recovery");
        assertThat(answer.get("recovered").asBoolean()).isFalse();
        assertThat(answer.get("client_id").asText()).isNotEqualTo(annId);
    }

    @Test
    void aCleanClose_isNotParked() {
        start();
        TestClient ann = server.connect("roster=1&uid=ann&recover=1");
        String annId = ann.awaitType("recovery").get("client_id").asText();
        TestClient bob = server.connect("roster=1&uid=bob");
        awaitPresence(clock, bob, presence("online", annId));
        ann.close();
        awaitPresence(clock, bob, presence("offline", annId));
        assertThat(counters()).containsEntry("parked", 0L).containsEntry("parked_total", 0L);
    }

    @Test
    void aPlainClient_seesNoRecoveryFrame_andNoNumbers() {
        start();
        TestClient ann = server.connect("roster=1&uid=ann");
        String annId = DemoServers.clientId(ann);
        TestClient bob = server.connect("roster=1&uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        bob.call("room", "say", "room", "r1", "text", "hi");
        ann.awaitType("say");
        assertThat(ann).receivedNone(Json.type("recovery"));
        assertThat(ann).receivedNone(numbered());
        awaitPresence(clock, bob, presence("online", annId));
        ann.abort();
        JsonNode gone = awaitPresence(clock, bob, presence("offline", annId)).get("offline").get(0);
        assertThat(gone.get("uid").asText()).isEqualTo("ann");
    }

    @Test
    void anIdleTimeout_parks_andTheClientReturns() {
        start("limits.idle-timeout", "300ms");
        TestClient ann = server.connect("roster=1&uid=ann&recover=1");
        JsonNode recovery = ann.awaitType("recovery");
        ann.call("room", "join", "room", "r1");
        long last = lastSeq(ann);
        clock.advance(Duration.ofMillis(300)); // the idle timeout is on the server's clock
        assertThat(ann.awaitClose()).isEqualTo(1001);
        await().until(() -> parked() == 1);
        assertThat(server.gateway().getClientIdListByGroup("r1")).containsExactly(recovery.get("client_id").asText());
        server.gateway().sendToGroup("r1", Map.of("type", "say", "text", "while idle"));
        TestClient back = server.connect(resumeQuery(recovery, last));
        assertThat(back.awaitType("recovery").get("recovered").asBoolean()).isTrue();
        assertThat(back.awaitJson(Json.field("text", "while idle")).get("_seq").asLong()).isEqualTo(last + 1);
    }

    @Test
    void closeClient_finishesAParkedConnectionAtOnce() {
        start();
        Dropped dropped = annDropsOutOfRoomWithBob();
        server.gateway().closeClient(dropped.annId());
        awaitPresence(clock, dropped.bob(), presence("offline", dropped.annId()));
        assertThat(counters()).containsEntry("parked", 0L).containsEntry("streams", 0L);
    }

    @Test
    void aReturnBeforeTheServerNoticedTheDrop_takesOverTheOldSocket() {
        start();
        TestClient ann = server.connect("roster=1&uid=ann&recover=1");
        JsonNode recovery = ann.awaitType("recovery");
        String annId = recovery.get("client_id").asText();
        TestClient bob = server.connect("roster=1&uid=bob");
        ann.call("room", "join", "room", "r1");
        bob.call("room", "join", "room", "r1");
        ann.awaitType("join");
        long last = lastSeq(ann);
        bob.call("room", "say", "room", "r1", "text", "to the old socket");
        ann.awaitJson(Json.field("text", "to the old socket"));

        TestClient back = server.connect(resumeQuery(recovery, last)); // as if the old socket's last push was lost
        JsonNode resumed = back.awaitType("recovery");
        assertThat(resumed.get("recovered").asBoolean()).isTrue();
        assertThat(resumed.get("client_id").asText()).isEqualTo(annId);
        assertThat(back.awaitJson(Json.field("text", "to the old socket")).get("_seq").asLong()).isEqualTo(last + 1);
        ann.awaitClose(); // the old socket is dropped
        assertThat(ann.isClosed()).isTrue();
        bob.call("room", "say", "room", "r1", "text", "after");
        assertThat(back.awaitJson(Json.field("text", "after")).get("_seq").asLong()).isEqualTo(last + 2);
        clock.advance(PRESENCE_INTERVAL);
        bob.call("stats", "online");
        assertThat(bob).receivedNone(presence("offline", annId));
        assertThat(counters()).containsEntry("parked", 0L).containsEntry("streams", 1L);
    }
}
