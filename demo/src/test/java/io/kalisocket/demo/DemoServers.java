package io.kalisocket.demo;

import io.kalisocket.testing.Json;
import io.kalisocket.testing.TestClient;
import io.kalisocket.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Starts the demo chat app for a test: its defaults (connect actions on), any free port, then the overrides. */
public final class DemoServers {

    private DemoServers() {
    }

    /** @param client a client of the demo @return its client id, from its {@code welcome} (waits for it) */
    public static String clientId(TestClient client) {
        return client.awaitJson(Json.type("welcome")).get("client_id").asText();
    }

    /** @param keyValues config overrides, as dotted key, value... @return the running demo */
    public static TestServer start(String... keyValues) {
        List<String> settings = new ArrayList<>();
        for (Map.Entry<String, String> e : DemoApp.DEFAULTS.entrySet()) {
            settings.add(e.getKey());
            settings.add(e.getValue());
        }
        settings.addAll(List.of(keyValues));
        return TestServer.start(DemoApp::server, settings.toArray(String[]::new));
    }
}
