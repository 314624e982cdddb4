package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.Frame;
import io.kalisocket.testing.RawWebSocket;
import io.kalisocket.testing.ServerLogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a client can make the server log: nothing above DEBUG for leaving, whenever it leaves. */
class ConnectionErrorsTest {

    private final ServerLogs log = ServerLogs.capture(ConnectionErrors.class);
    private RunningServer server;

    @BeforeEach
    void start() {
        server = TestServers.probe();
    }

    @AfterEach
    void release() {
        server.close();
        log.close();
    }

    /** Netty reports it as "Channel closed while still aggregating message", which is no server fault. */
    @Test
    void aClientThatLeavesInTheMiddleOfAFragmentedMessage_isNoWarning() {
        for (int i = 0; i < 5; i++) {
            RawWebSocket ws = RawWebSocket.connect(server.port()).send(Frame.text("{\"ct\":").notFinal());
            await().until(() -> server.counters().get("connections_open") == 1);
            ws.close();
            await().until(() -> server.counters().get("connections_open") == 0);
        }
        assertThat(log.linesAtLeast(Level.WARN)).isEmpty();
    }
}
