package io.kalisocket.internal.server;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.server.app.ProbeController;
import java.util.HashMap;
import java.util.Map;

/** Starts servers for tests: any free port, the probe controller, and the given config overrides. */
final class TestServers {

    private TestServers() {
    }

    static RunningServer probe(String... keyValues) {
        return probe(KaliServer::create, keyValues);
    }

    static RunningServer probe(java.util.function.Function<io.kalisocket.config.KaliConfig, KaliServer> make,
            String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("server.port", "0");
        for (int i = 0; i < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        return make.apply(ConfigLoader.of(overrides)).controllers(ProbeController.class).bind();
    }
}
