package io.kalisocket.demo;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliClock;
import io.kalisocket.gateway.PresenceConfig;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

/** Starts the demo chat app for a test: its defaults (connect actions on), any free port, then the overrides. */
public final class DemoServers {

    /** How often the demo sends {@code presence} frames: a fake clock moved this far sends the next one. */
    public static final Duration PRESENCE_INTERVAL = PresenceConfig.defaults().interval();

    private DemoServers() {
    }

    /** @param client a client of the demo @return its client id, from its {@code welcome} (waits for it) */
    public static String clientId(TestClient client) {
        return client.awaitJson(Json.type("welcome")).get("client_id").asText();
    }

    /** @param keyValues config overrides, as dotted key, value... @return the running demo */
    public static TestServer start(String... keyValues) {
        return TestServer.start(DemoApp::server, settings(keyValues));
    }

    /**
     * @param clock the server's clock, for every timer and the presence frames
     * @param keyValues config overrides, as dotted key, value...
     * @return the running demo
     */
    public static TestServer start(KaliClock clock, String... keyValues) {
        return TestServer.start(c -> DemoApp.server(c).clock(clock), settings(keyValues));
    }

    /** @param keyValues config overrides @return the demo's defaults, then the overrides */
    public static String[] settings(String... keyValues) {
        List<String> settings = new ArrayList<>();
        for (Map.Entry<String, String> e : DemoApp.DEFAULTS.entrySet()) {
            settings.add(e.getKey());
            settings.add(e.getValue());
        }
        settings.addAll(List.of(keyValues));
        return settings.toArray(String[]::new);
    }

    /**
     * @param list {@code online} or {@code offline}
     * @param clientId a client id
     * @return matches a {@code presence} frame whose list names the client
     */
    public static Predicate<JsonNode> presence(String list, String clientId) {
        return Json.type("presence").and(n -> ids(n.get(list)).contains(clientId));
    }

    /** @param list a presence frame's {@code online} or {@code offline} @return the client ids in it */
    public static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(e -> e.get("client_id").asText()).toList();
    }

    /**
     * Moves the fake clock one presence interval at a time until the client got a matching frame: what is to be
     * told (a close action, say) runs on other threads, and one step may come before it.
     *
     * @param clock the server's clock
     * @param client the client told
     * @param condition the frame looked for
     * @return the first matching frame
     */
    public static JsonNode awaitPresence(FakeClock clock, TestClient client, Predicate<JsonNode> condition) {
        await().pollInSameThread().until(() -> {
            clock.advance(PRESENCE_INTERVAL);
            return !client.receivedJson(condition).isEmpty();
        });
        return client.receivedJson(condition).get(0);
    }
}
