package io.kalisocket.demo;

import static io.kalisocket.demo.DemoServers.PRESENCE_INTERVAL;
import static io.kalisocket.demo.DemoServers.awaitPresence;
import static io.kalisocket.demo.DemoServers.ids;
import static io.kalisocket.demo.DemoServers.presence;
import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's presence frames: arrivals and departures are told once per interval, the counts to every client
 * ({@code presence.count}) and every change of the interval in one {@code presence} frame to the clients that
 * connected with {@code ?roster=1}, so N clients connecting cost N small frames, not N². The interval runs on the
 * server's fake clock: nothing sleeps.
 */
class PresenceProtocolTest {

    private final FakeClock clock = new FakeClock();
    private final TestServer server = DemoServers.start(clock, "limits.idle-timeout", "10m");

    @AfterEach
    void stop() {
        server.close();
    }

    /** Every presence frame the client got until now: the reply to a call comes after what was sent before it. */
    private static List<JsonNode> presenceFrames(TestClient client) {
        client.call("stats", "online");
        return client.receivedJson(Json.type("presence"));
    }

    /** @return a client that was welcomed and whose own arrival was told */
    private TestClient announced(String uid) {
        TestClient client = server.connect("roster=1&uid=" + uid);
        awaitPresence(clock, client, presence("online", DemoServers.clientId(client)));
        return client;
    }

    @Test
    void kClientsConnectingWithinOneInterval_everyOtherClientGetsOneFrameListingAllK() {
        TestClient ann = announced("ann");
        TestClient bob = announced("bob");
        Map<TestClient, Integer> before = Map.of(ann, presenceFrames(ann).size(), bob, presenceFrames(bob).size());
        List<TestClient> newcomers = new ArrayList<>();
        List<String> newIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TestClient newcomer = server.connect("roster=1&uid=k" + i);
            newcomers.add(newcomer);
            newIds.add(DemoServers.clientId(newcomer)); // welcomed at once, one frame to that client
            newcomer.call("stats", "online"); // runs after its connect action: the arrival is noted by now
        }

        clock.advance(PRESENCE_INTERVAL);

        for (TestClient other : List.of(ann, bob)) {
            int seen = before.get(other);
            other.awaitJson(seen + 1, Json.type("presence"));
            List<JsonNode> frames = presenceFrames(other);
            assertThat(frames).hasSize(seen + 1);
            JsonNode frame = frames.get(seen);
            assertThat(ids(frame.get("online"))).containsExactlyElementsOf(newIds);
            assertThat(frame.get("online").get(0).get("uid").asText()).isEqualTo("k0");
            assertThat(frame.get("offline")).isEmpty();
        }
        for (TestClient newcomer : newcomers) {
            assertThat(ids(newcomer.awaitJson(Json.type("presence")).get("online"))).containsExactlyElementsOf(newIds);
            assertThat(presenceFrames(newcomer)).hasSize(1);
        }
    }

    @Test
    void aClientWithoutRoster_getsTheCountsOnly() {
        TestClient ann = announced("ann");
        TestClient quiet = server.connect("uid=quiet");
        DemoServers.clientId(quiet);
        quiet.call("stats", "online"); // its connect action ran: its arrival is noted
        awaitPresence(clock, quiet, Json.type("presence.count"));
        assertThat(quiet.awaitJson(Json.type("presence.count")).toString())
                .isEqualTo("{\"type\":\"presence.count\",\"clients\":2,\"online\":1,\"offline\":0}");
        assertThat(presenceFrames(quiet)).isEmpty();
        ann.awaitJson(presence("online", DemoServers.clientId(quiet)));
    }

    @Test
    void anIntervalWithoutChanges_sendsNoFrame() {
        TestClient ann = announced("ann");
        int before = presenceFrames(ann).size();
        clock.advance(PRESENCE_INTERVAL.multipliedBy(5));
        assertThat(presenceFrames(ann)).hasSize(before);
    }

    @Test
    void aDeparture_isInTheNextFramesOffline_withTheUidLoggedInLater() {
        TestClient ann = announced("ann");
        TestClient bob = announced("bob");
        String bobId = DemoServers.clientId(bob);
        bob.call("user", "login", "uid", "bobby");
        bob.close();
        JsonNode frame = awaitPresence(clock, ann, presence("offline", bobId));
        assertThat(frame.toString()).isEqualTo(
                "{\"type\":\"presence\",\"online\":[],"
                        + "\"offline\":[{\"client_id\":\"" + bobId + "\",\"uid\":\"bobby\"}]}");
    }

    @Test
    void aUidOver64Characters_isRefused_andNobodyIsTold() {
        TestClient ann = announced("ann");
        TestClient refused = server.connect("roster=1&uid=" + "u".repeat(65));
        assertThat(refused.awaitClose()).isEqualTo(1008);
        await().until(() -> server.gateway().getAllClientIdCount() == 1);
        int before = presenceFrames(ann).size();
        clock.advance(PRESENCE_INTERVAL.multipliedBy(2));
        assertThat(presenceFrames(ann)).hasSize(before);
    }
}
