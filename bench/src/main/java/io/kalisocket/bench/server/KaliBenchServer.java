package io.kalisocket.bench.server;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.bench.app.EchoController;
import io.kalisocket.bench.app.GroupController;
import io.kalisocket.config.ConfigLoader;
import java.time.Duration;
import java.util.Map;

/**
 * The bench app on KaliSocket: {@link EchoController} and {@link GroupController} with the
 * default configuration, except limits that would otherwise throttle a benchmark from one IP
 * (messages per second, burst, connections per IP).
 */
public final class KaliBenchServer implements RunningBenchServer {

    private final RunningServer server;

    private KaliBenchServer(RunningServer server) {
        this.server = server;
    }

    /**
     * Starts the app on 127.0.0.1.
     *
     * @param port port, 0 for any free one
     * @return the running server
     */
    public static KaliBenchServer start(int port) {
        Map<String, String> config = Map.of(
                "server.port", Integer.toString(port),
                "limits.messages-per-second", "1000000",
                "limits.message-burst", "1000000",
                "limits.max-connections-per-ip", "0");
        return new KaliBenchServer(KaliServer.create(ConfigLoader.of(config))
                .controllers(EchoController.class, GroupController.class)
                .bind());
    }

    @Override
    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        server.stop(Duration.ofSeconds(1));
    }
}
