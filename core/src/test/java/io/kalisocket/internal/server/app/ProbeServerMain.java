package io.kalisocket.internal.server.app;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * A probe server in its own process, for tests that must not disturb the test JVM (e.g. a low fd
 * limit). Arguments are config overrides {@code key=value}; prints {@code PORT <n>} once listening.
 */
public final class ProbeServerMain {

    private ProbeServerMain() {
    }

    /** @param args config overrides @throws InterruptedException when interrupted */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> overrides = new HashMap<>(Map.of("server.port", "0"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        RunningServer server = KaliServer.create(ConfigLoader.of(overrides)).controllers(ProbeController.class).bind();
        System.out.println("PORT " + server.port());
        System.out.flush();
        server.awaitStop();
    }
}
