package io.kalisocket.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code logging.connections: summary} (the default): at most one line a minute, none per connection. */
class ConnectionLogSummaryTest {

    private final ServerLogs log = ServerLogs.capture(ConnectionLog.LOGGER);
    private final FakeClock clock = new FakeClock();
    private RunningServer server;

    @BeforeEach
    void start() {
        server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0"))).clock(clock).bind();
    }

    @AfterEach
    void release() {
        server.stop(Duration.ofSeconds(5));
        log.close();
    }

    @Test
    void connectsAndCloses_areSummedUp_onceTheMinuteHasPassed() {
        for (int i = 0; i < 3; i++) {
            TestClient client = TestClient.connect(server.port());
            client.close();
        }
        await().until(() -> server.counters().totals().get("connections_closed") == 3);
        assertThat(log.messages()).as("nothing per connection").isEmpty();
        clock.advance(ConnectionLogSummary.INTERVAL);
        try (TestClient next = TestClient.connect(server.port())) {
            await().until(() -> !log.messages().isEmpty());
        }
        assertThat(log.messages()).containsExactly("connections in the last 60s: 3 opened, 3 closed (1000 x3)");
    }
}
