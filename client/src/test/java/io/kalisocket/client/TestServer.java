package io.kalisocket.client;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import java.net.ServerSocket;
import java.net.URI;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** A real KaliSocket server in this JVM with {@link EchoController}; restartable on the same port. */
final class TestServer implements AutoCloseable {

    private final Consumer<KaliServer> customizer;
    private final Map<String, String> settings;
    private int port;
    private RunningServer running;
    private long okRepliesBefore;
    private long heartbeatsBefore;

    private TestServer(int port, Consumer<KaliServer> customizer, Map<String, String> settings) {
        this.port = port;
        this.customizer = customizer;
        this.settings = Map.copyOf(settings);
    }

    /** @return a started server on a free port */
    static TestServer start() {
        return start(0, s -> { });
    }

    /** @param port the port, 0 for any @param customizer changes the server before it binds @return it, started */
    static TestServer start(int port, Consumer<KaliServer> customizer) {
        return start(Map.of(), port, customizer);
    }

    /** @param settings configuration keys, e.g. {@code recovery.enabled} @return a started server on a free port */
    static TestServer start(Map<String, String> settings) {
        return start(settings, 0, s -> { });
    }

    /**
     * @param settings configuration keys, e.g. {@code http.allowed-origins}
     * @param customizer changes the server before it binds
     * @return a started server on a free port
     */
    static TestServer start(Map<String, String> settings, Consumer<KaliServer> customizer) {
        return start(settings, 0, customizer);
    }

    private static TestServer start(Map<String, String> settings, int port, Consumer<KaliServer> customizer) {
        TestServer server = new TestServer(port, customizer, settings);
        server.bind();
        return server;
    }

    /** @return a TCP port that was free a moment ago */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void bind() {
        Map<String, String> config = new HashMap<>(settings);
        config.put("server.port", String.valueOf(port));
        KaliServer server = KaliServer.create(ConfigLoader.of(config))
                .controllers(EchoController.class);
        customizer.accept(server);
        running = server.bind();
        port = running.port();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/");
    }

    RunningServer running() {
        return running;
    }

    /** @return successful replies sent, by this server and the ones before a restart */
    long okReplies() {
        return okRepliesBefore + running.counters().repliesByCode().getOrDefault(0, 0L);
    }

    /** @return heartbeats answered, by this server and the ones before a restart */
    long heartbeats() {
        return heartbeatsBefore + running.counters().totals().getOrDefault("heartbeats", 0L);
    }

    /** Stops gracefully (clients are told 1012) and starts again on the same port. */
    void restart() {
        running.stop(Duration.ofSeconds(10));
        okRepliesBefore = okReplies();
        heartbeatsBefore = heartbeats();
        bind();
    }

    @Override
    public void close() {
        running.stop(Duration.ofSeconds(5));
    }
}
