package io.kalisocket.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** {@code logging.connections: summary} (the default): at most one line a minute, none per connection. */
class ConnectionLogSummaryTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ConnectionLog.LOGGER);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final FakeClock clock = new FakeClock();
    private RunningServer server;

    @BeforeEach
    void capture() {
        lines.start();
        logger.addAppender(lines);
        server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0"))).clock(clock).bind();
    }

    @AfterEach
    void release() {
        server.stop(Duration.ofSeconds(5));
        logger.detachAppender(lines);
    }

    private List<String> messages() {
        return lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void connectsAndCloses_areSummedUp_onceTheMinuteHasPassed() {
        for (int i = 0; i < 3; i++) {
            TestClient client = TestClient.connect(server.port());
            client.close();
        }
        await().until(() -> server.counters().totals().get("connections_closed") == 3);
        assertThat(messages()).as("nothing per connection").isEmpty();
        clock.advance(ConnectionLogSummary.INTERVAL);
        try (TestClient next = TestClient.connect(server.port())) {
            await().until(() -> !messages().isEmpty());
        }
        assertThat(messages()).containsExactly("connections in the last 60s: 3 opened, 3 closed (1000 x3)");
    }
}
