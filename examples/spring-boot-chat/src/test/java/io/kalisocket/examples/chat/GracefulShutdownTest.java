package io.kalisocket.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.spring.boot.KaliSocketServer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Closing the application (what SIGTERM does) closes every WebSocket client with 1012, "service restart". */
class GracefulShutdownTest {

    @Test
    void closingTheContextClosesClientsWith1012() {
        ConfigurableApplicationContext context = SpringApplication.run(ChatApplication.class,
                "--server.port=0", "--kalisocket.server.port=0", "--kalisocket.admin.enabled=false");
        KaliSocketServer kalisocket = context.getBean(KaliSocketServer.class);
        int port = kalisocket.running().orElseThrow().port();
        try (ChatSocket socket = new ChatSocket(port)) {
            socket.send("{\"ct\":\"room\",\"ac\":\"join\",\"room\":\"lobby\"}").frameWith("\"ac\":\"join\"");
            context.close();
            assertThat(socket.closedWith()).isEqualTo(1012);
        }
        assertThat(kalisocket.isRunning()).isFalse();
    }
}
