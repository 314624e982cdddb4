package io.kalisocket.demo;

import io.kalisocket.KaliServer;
import io.kalisocket.config.KaliConfig;
import java.util.Map;

/** The demo chat app's wiring, shared by {@link DemoMain} and the tests. */
public final class DemoApp {

    /** Settings the demo uses unless the command line or file say otherwise. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "server.static-root", "public",
            "gateway.enabled", "true");

    private DemoApp() {
    }

    /**
     * @param config the configuration
     * @return the demo server, ready to start
     */
    public static KaliServer server(KaliConfig config) {
        return KaliServer.create(config)
                .controllers("io.kalisocket.demo.controller");
    }
}
