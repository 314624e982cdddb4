package io.kalisocket.testing;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A server started for a test on 127.0.0.1 and a free port, with the clients connected to it; closing it
 * closes them and stops the server.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.start(c -> KaliServer.create(c).controllers(MyController.class),
 *         "connect-actions.enabled", "true")) {
 *     TestClient ann = server.connect("uid=ann");
 * }
 * }</pre>
 */
public final class TestServer implements AutoCloseable {

    private final RunningServer running;
    private final List<TestClient> clients = new ArrayList<>();

    private TestServer(RunningServer running) {
        this.running = running;
    }

    /**
     * @param make builds the server from the configuration
     * @param keyValues config overrides, as dotted key, value, key, value...
     * @return the started server
     */
    public static TestServer start(Function<KaliConfig, KaliServer> make, String... keyValues) {
        return new TestServer(make.apply(config(keyValues)).bind());
    }

    /**
     * @param keyValues config overrides, as dotted key, value, key, value...
     * @return the configuration: the defaults, port 0 (any free port), then the overrides
     */
    public static KaliConfig config(String... keyValues) {
        Map<String, String> overrides = new HashMap<>();
        overrides.put("server.port", "0");
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            overrides.put(keyValues[i], keyValues[i + 1]);
        }
        return ConfigLoader.of(overrides);
    }

    /** @return a new client, connected */
    public TestClient connect() {
        return track(TestClient.connect(port()));
    }

    /** @param query the query string, without {@code ?} @return a new client, connected */
    public TestClient connect(String query) {
        return track(TestClient.connect(port(), query));
    }

    /** @param count how many @return as many new clients, connected */
    public List<TestClient> connect(int count) {
        List<TestClient> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(connect());
        }
        return list;
    }

    private synchronized TestClient track(TestClient client) {
        clients.add(client);
        return client;
    }

    /** @return the bound port */
    public int port() {
        return running.port();
    }

    /** @return the server's gateway */
    public Gateway gateway() {
        return running.gateway();
    }

    /** @return the running server */
    public RunningServer running() {
        return running;
    }

    @Override
    public void close() {
        List<TestClient> open;
        synchronized (this) {
            open = List.copyOf(clients);
        }
        open.forEach(TestClient::abort);
        running.stop(Duration.ofSeconds(2));
    }
}
