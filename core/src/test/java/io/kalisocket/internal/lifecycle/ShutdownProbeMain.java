package io.kalisocket.internal.lifecycle;

import io.kalisocket.KaliServer;
import io.kalisocket.config.ConfigLoader;
import java.util.HashMap;
import java.util.Map;

/**
 * A server in its own process for the graceful-stop test, run the way an application's main runs it:
 * {@code KaliServer.start()}, then exit 0. Arguments are config overrides {@code key=value}.
 */
public final class ShutdownProbeMain {

    private ShutdownProbeMain() {
    }

    /** @param args config overrides @throws InterruptedException when interrupted */
    public static void main(String[] args) throws InterruptedException {
        Map<String, String> overrides = new HashMap<>(Map.of("server.port", "0", "connect-actions.enabled", "true",
                "connect-actions.connect-controller", "drain"));
        for (String arg : args) {
            int eq = arg.indexOf('=');
            overrides.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        KaliServer.create(ConfigLoader.of(overrides)).controllers(DrainController.class).start();
        System.out.println("EXITING");
        System.exit(0);
    }
}
