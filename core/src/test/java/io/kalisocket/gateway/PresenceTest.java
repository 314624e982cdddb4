package io.kalisocket.gateway;

import static io.kalisocket.testing.KaliAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.testing.DocSamples;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Presence}: every change of an interval in one roster frame to every member of the roster group, and one
 * count frame to everyone, over real sockets; the interval runs on a fake clock, so nothing sleeps. Every server
 * here is wired by the Java sample of docs/GATEWAY.md, compiled as printed (but for the config it is given); the
 * tests of the roster frames put every client in the roster group before the interval passes.
 */
class PresenceTest {

    private static final Duration INTERVAL = PresenceConfig.defaults().interval();
    private static final String DEFAULT_CONFIG = "new Presence(PresenceConfig.defaults())";

    @TempDir
    static Path compiled;
    private static URLClassLoader docsSample;
    private static Method wiring;

    private final FakeClock clock = new FakeClock();
    private Presence presence;
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Compiles docs/GATEWAY.md's sample into {@code PresenceWiring.wire(server, config)}, which returns its presence. */
    @BeforeAll
    static void compileTheDocsSample() throws ReflectiveOperationException {
        List<String> samples = DocSamples.javaBlocks("docs/GATEWAY.md");
        assertThat(samples).as("the Java samples of docs/GATEWAY.md").hasSize(1);
        assertThat(samples.get(0)).as("the sample's config, replaced by each test's").contains(DEFAULT_CONFIG);
        String source = """
                package app;

                import io.kalisocket.KaliServer;
                import io.kalisocket.gateway.Presence;
                import io.kalisocket.gateway.PresenceConfig;

                public final class PresenceWiring {
                    public static Presence wire(KaliServer server, PresenceConfig config) {
                """ + samples.get(0).replace(DEFAULT_CONFIG, "new Presence(config)") + """
                        return presence;
                    }
                }
                """;
        docsSample = DocSamples.compile(compiled, Map.of("app.PresenceWiring", source));
        wiring = docsSample.loadClass("app.PresenceWiring").getMethod("wire", KaliServer.class, PresenceConfig.class);
    }

    @AfterAll
    static void unloadTheDocsSample() throws IOException {
        if (docsSample != null) {
            docsSample.close();
        }
    }

    private TestServer start(PresenceConfig config) {
        server = TestServer.start(c -> {
            KaliServer built = KaliServer.create(c).clock(clock);
            try {
                presence = (Presence) wiring.invoke(null, built, config);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("docs/GATEWAY.md's sample failed", e);
            }
            return built;
        });
        return server;
    }

    /** Puts every connected client in the roster group: they get who came and went, not only the counts. */
    private void rosterAll() {
        server.gateway().getAllClientIdList().forEach(id -> server.gateway().joinGroup(id, presence.rosterGroup()));
    }

    /** Connects and lets one interval pass, so that the client's own arrival is out of the way. */
    private TestClient announcedClient() {
        TestClient client = server.connect();
        await().until(() -> presence.pending() == 1);
        rosterAll();
        clock.advance(INTERVAL);
        client.awaitJson(Json.type("presence"));
        return client;
    }

    /** Every frame the client got until now: a heartbeat's answer comes after what was sent before it. */
    private static List<JsonNode> presenceFrames(TestClient client) {
        client.send("~H#C~");
        client.awaitText("~H#S~");
        return client.receivedJson(Json.type("presence"));
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(e -> e.get("client_id").asText()).toList();
    }

    @Test
    void kClientsConnectingWithinOneInterval_eachClientGetsOneFrameListingAllK() {
        start(PresenceConfig.defaults());
        TestClient observer = announcedClient();
        String observerId = server.gateway().getAllClientIdList().get(0);
        List<TestClient> newcomers = server.connect(5);
        await().until(() -> presence.pending() == 5);
        List<String> newIds = server.gateway().getAllClientIdList().stream().filter(id -> !id.equals(observerId))
                .toList();

        rosterAll();
        clock.advance(INTERVAL);

        observer.awaitJson(2, Json.type("presence"));
        List<JsonNode> observed = presenceFrames(observer);
        assertThat(observed).hasSize(2);
        assertThat(ids(observed.get(1).get("online"))).containsExactlyInAnyOrderElementsOf(newIds);
        assertThat(observed.get(1).get("offline")).isEmpty();
        for (TestClient newcomer : newcomers) {
            List<JsonNode> frames = presenceFrames(newcomer);
            assertThat(frames).hasSize(1);
            assertThat(ids(frames.get(0).get("online"))).containsExactlyInAnyOrderElementsOf(newIds);
        }
    }

    @Test
    void theFrame_isTypePresence_withBothLists_andUidNullWithoutOne() {
        start(PresenceConfig.defaults());
        TestClient ann = server.connect();
        await().until(() -> presence.pending() == 1);
        rosterAll();
        clock.advance(INTERVAL);
        String id = server.gateway().getAllClientIdList().get(0);
        assertThat(ann.awaitJson(Json.type("presence")).toString())
                .isEqualTo("{\"type\":\"presence\","
                        + "\"online\":[{\"client_id\":\"" + id + "\",\"uid\":null}],\"offline\":[]}");
    }

    @Test
    void everyone_getsTheCounts_andOnlyTheRosterGroupGetsWhoCameAndWent() {
        start(PresenceConfig.defaults());
        TestClient ann = server.connect();
        await().until(() -> presence.pending() == 1);
        rosterAll(); // ann only
        List<TestClient> others = server.connect(3);
        await().until(() -> presence.pending() == 4);
        assertThat(presence.flush()).as("roster frames").isEqualTo(1);

        JsonNode count = others.get(0).awaitJson(Json.type("presence.count"));
        assertThat(count.toString()).isEqualTo("{\"type\":\"presence.count\",\"clients\":4,\"online\":4,\"offline\":0}");
        for (TestClient other : others) {
            other.awaitJson(Json.type("presence.count"));
            assertThat(presenceFrames(other)).as("not in the roster group: counts only").isEmpty();
        }
        assertThat(ann.awaitJson(Json.type("presence")).get("online")).hasSize(4);
        ann.awaitJson(Json.type("presence.count"));
    }

    @Test
    void anIntervalWithoutChanges_sendsNothing() {
        start(PresenceConfig.defaults());
        TestClient ann = announcedClient();
        clock.advance(INTERVAL.multipliedBy(3));
        assertThat(presenceFrames(ann)).hasSize(1);
    }

    @Test
    void aClose_isInTheNextFramesOffline_withTheUidItHad() {
        start(PresenceConfig.defaults());
        TestClient ann = announcedClient();
        TestClient bob = announcedClient();
        String bobId = ids(presenceFrames(bob).get(0).get("online")).get(0);
        server.gateway().bindUid(bobId, "bob");
        bob.close();
        await().until(() -> presence.pending() == 1);
        rosterAll();
        clock.advance(INTERVAL);
        JsonNode frame = ann.awaitJson(Json.type("presence").and(n -> !n.get("offline").isEmpty()));
        assertThat(frame.toString())
                .endsWith("\"online\":[],\"offline\":[{\"client_id\":\"" + bobId + "\",\"uid\":\"bob\"}]}");
    }

    @Test
    void aClientThatCameAndWentWithinOneInterval_isNoNews() {
        start(PresenceConfig.defaults());
        TestClient ann = announcedClient();
        TestClient brief = server.connect();
        await().until(() -> presence.pending() == 1);
        brief.close();
        await().until(() -> presence.pending() == 0);
        rosterAll();
        clock.advance(INTERVAL);
        assertThat(presenceFrames(ann)).hasSize(1);
    }

    @Test
    void moreChangesThanTheCap_goOutAsMoreFrames() {
        start(new PresenceConfig(INTERVAL, 2));
        TestClient observer = announcedClient();
        server.connect(5);
        await().until(() -> presence.pending() == 5);
        rosterAll();
        clock.advance(INTERVAL);
        observer.awaitJson(4, Json.type("presence"));
        assertThat(presenceFrames(observer).stream().skip(1).map(f -> f.get("online").size()))
                .containsExactly(2, 2, 1);
    }

    @Test
    void close_forgetsUnsentChanges_andIgnoresLaterOnes() {
        start(PresenceConfig.defaults());
        server.connect();
        await().until(() -> presence.pending() == 1);
        presence.close();
        assertThat(presence.pending()).isZero();
        presence.online("late", null);
        assertThat(presence.pending()).isZero();
        assertThatThrownBy(presence::flush).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void config_needsAPositiveInterval_andAtLeastOneEntryPerFrame() {
        assertThat(PresenceConfig.defaults())
                .isEqualTo(new PresenceConfig(Duration.ofSeconds(1), 500, PresenceConfig.ROSTER_GROUP));
        assertThatThrownBy(() -> new PresenceConfig(INTERVAL, 1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PresenceConfig.defaults().withInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PresenceConfig(INTERVAL, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
