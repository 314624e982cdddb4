package io.kalisocket.internal.server.conformance;

import io.kalisocket.KaliClock;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.ServerInternals;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.testing.RawWebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server under test, one per test class, with {@link EchoTestController} on a free loopback port:
 * {@code @RegisterExtension static final ConformanceServer server = ConformanceServer.echo();}. Connections
 * opened with {@link #connect()} are closed after each test.
 */
final class ConformanceServer implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** The message size limit of the server under test. */
    static final int MAX_MESSAGE_BYTES = 65_536;

    private final Map<String, String> config;
    private final KaliClock clock;
    private final List<RawWebSocket> opened = new CopyOnWriteArrayList<>();
    private RunningServer server;

    private ConformanceServer(Map<String, String> config, KaliClock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** @return a server with the default limits, but messages of at most {@link #MAX_MESSAGE_BYTES} */
    static ConformanceServer echo() {
        return echo(Map.of());
    }

    /** @param overrides further configuration keys @return a server as {@link #echo()}, changed by them */
    static ConformanceServer echo(Map<String, String> overrides) {
        Map<String, String> config = new HashMap<>();
        config.put("server.port", "0");
        config.put("limits.max-message-bytes", String.valueOf(MAX_MESSAGE_BYTES));
        config.putAll(overrides);
        return new ConformanceServer(Map.copyOf(config), KaliClock.system());
    }

    /** @param time the server's clock, e.g. a fake one for the timeouts @return this server on that clock */
    ConformanceServer on(KaliClock time) {
        return new ConformanceServer(config, time);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        server = KaliServer.create(ConfigLoader.of(config)).clock(clock).controllers(EchoTestController.class).bind();
    }

    /** @return a new upgraded connection, closed after the test */
    RawWebSocket connect() {
        RawWebSocket ws = RawWebSocket.connect(server.port());
        opened.add(ws);
        return ws;
    }

    /** @return the counters of the server under test */
    ServerStats stats() {
        return ServerInternals.stats(server);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        opened.forEach(RawWebSocket::close);
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.stop(Duration.ofSeconds(2));
        }
    }
}
