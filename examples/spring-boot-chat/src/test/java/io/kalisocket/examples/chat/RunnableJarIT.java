package io.kalisocket.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar the build makes, run as an operator runs it: {@code java -jar target/spring-boot-chat.jar
 * --server.port=H --kalisocket.server.port=W --kalisocket.admin.port=A}. It answers KaliSocket's heartbeat on W,
 * lists the {@code kalisocket} component in {@code /actuator/health} on H, and on SIGTERM closes its WebSocket
 * clients with 1012 and exits.
 */
class RunnableJarIT {

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void theJarServesAndStopsGracefullyOnSigterm() throws Exception {
        Path jar = Path.of("target", "spring-boot-chat.jar");
        assertThat(jar).exists();
        int http = freePort();
        int ws = freePort();
        int admin = freePort();
        Path log = Files.createTempFile(Path.of("target"), "spring-boot-chat-", ".log");
        Process app = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--server.port=" + http, "--kalisocket.server.port=" + ws,
                "--kalisocket.admin.port=" + admin))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest healthRequest = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http
                    + "/actuator/health")).build();
            String health = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions()
                    .until(() -> client.send(healthRequest, HttpResponse.BodyHandlers.ofString()).body(),
                            body -> body.contains("\"listening\":true")); // the web server answers first
            assertThat(health).contains("\"kalisocket\":{");
            try (ChatSocket socket = new ChatSocket(ws)) {
                assertThat(socket.send("~H#C~").frameWith("~H#S~")).isEqualTo("~H#S~");
                app.destroy(); // SIGTERM
                assertThat(socket.closedWith()).isEqualTo(1012);
            }
            assertThat(app.waitFor(60, TimeUnit.SECONDS)).as("exited; log in " + log).isTrue();
        } finally {
            app.destroyForcibly();
        }
    }
}
