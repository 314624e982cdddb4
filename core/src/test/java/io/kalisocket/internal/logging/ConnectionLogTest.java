package io.kalisocket.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.internal.lifecycle.DrainController;
import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code logging.connections: each}: one line per connect and per close, with client id, real ip, duration, messages
 * in/out and close code.
 */
class ConnectionLogTest {

    private final ServerLogs log = ServerLogs.capture(ConnectionLog.LOGGER);
    private RunningServer server;

    @BeforeEach
    void start() {
        server = KaliServer.create(ConfigLoader.of(Map.of("server.port", "0", "logging.connections", "each")))
                .controllers(DrainController.class).bind();
    }

    @AfterEach
    void release() {
        server.stop(Duration.ofSeconds(5));
        log.close();
    }

    @Test
    void connectAndClose_areOneLineEach_withTheCloseCodeTheClientSent() throws Exception {
        TestClient client = TestClient.connect(server.port());
        client.send("{\"ct\":\"drain\",\"ac\":\"work\",\"n\":1}");
        client.awaitMessages(1);
        client.close();
        await().until(() -> log.messages().stream().anyMatch(m -> m.startsWith("closed ")));
        String id = server.nodeId();
        assertThat(log.messages()).hasSize(2);
        assertThat(log.messages().get(0)).matches("connected " + id + "-\\S+ ip=127\\.0\\.0\\.1 socket=.*");
        assertThat(log.messages().get(1))
                .matches("closed " + id + "-\\S+ ip=127\\.0\\.0\\.1 duration=\\d+ms in=1 out=1 code=1000 by=client.*");
        ILoggingEvent close = log.events().get(1);
        assertThat(close.getKeyValuePairs()).anySatisfy(kv -> {
            assertThat(kv.key).isEqualTo("close_code");
            assertThat(kv.value).isEqualTo(1000);
        });
    }

    @Test
    void serverClose_isLoggedWithTheServersCode() throws Exception {
        TestClient client = TestClient.connect(server.port());
        await().until(() -> server.counters().get("connections_open") == 1);
        server.stop(Duration.ofSeconds(5));
        assertThat(client.awaitClose()).isEqualTo(1012);
        await().until(() -> log.messages().stream().anyMatch(m -> m.startsWith("closed ")));
        assertThat(log.messages().get(1)).contains("code=1012 by=server reason=server restarting");
    }

    /** The decoder's close frame (1002 here) is the one logged, not the protocol stage's later 1000. */
    @Test
    void protocolViolation_isLoggedWithTheCodeTheClientReceived() {
        RawWebSocket ws = RawWebSocket.connect(server.port()).send(Frame.of(3, new byte[] {1}));
        assertThat(ws.awaitEnd()).last().satisfies(close -> assertThat(close.closeCode()).isEqualTo(1002));
        await().until(() -> log.messages().stream().anyMatch(m -> m.startsWith("closed ")));
        assertThat(log.messages().get(1)).contains("code=1002 by=server");
    }
}
