package io.kalisocket.demo;

import io.kalisocket.KaliServer;
import io.kalisocket.config.ConfigException;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import java.util.HashMap;
import java.util.Map;

/** Starts the demo chat app: {@code java -jar demo/target/kalisocket-demo.jar [--host H] [--port P] [--config FILE]}. */
public final class DemoMain {

    private DemoMain() {
    }

    /**
     * @param args the flags
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        KaliConfig config;
        try {
            DemoCommandLine line = DemoCommandLine.parse(args);
            Map<String, String> overrides = new HashMap<>(DemoApp.DEFAULTS);
            overrides.putAll(line.overrides());
            config = ConfigLoader.load(line.configFile(), System.getenv(), overrides);
        } catch (DemoCommandLine.UsageException | ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        DemoApp.server(config).start();
    }
}
