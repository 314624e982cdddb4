package io.kalisocket.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The quickstart as its user runs it: its main in a JVM of its own, on free ports, then a WebSocket client and the
 * launcher's commands against it.
 */
class QuickstartTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void main_servesHeartbeatAndAction_andAnswersStatusAndStop() throws Exception {
        try (AppProcess app = AppProcess.start("--port", "0", "--admin-port", "0")) {
            String port = app.awaitGroup("listening on ws://127\\.0\\.0\\.1:(\\d+)/");
            String adminPort = app.awaitGroup("admin endpoint on http://127\\.0\\.0\\.1:(\\d+)/");

            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Collecting(received))
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            socket.sendText("~H#C~", true);
            assertEquals("~H#S~", received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            socket.sendText("{\"ct\":\"hello\",\"ac\":\"say\",\"name\":\"Ada\"}", true);
            JsonNode reply = new ObjectMapper().readTree(received.poll(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertEquals(0, reply.path("code").asInt(-1), reply.toString());
            assertEquals("hello, Ada", reply.path("data").asText());

            try (AppProcess status = AppProcess.start("status", "--admin-port", adminPort)) {
                assertEquals(0, status.exitCode(WAIT), status.output());
                assertTrue(status.output().contains("KaliSocket status"), status.output());
            }
            try (AppProcess stop = AppProcess.start("stop", "--admin-port", adminPort)) {
                assertEquals(0, stop.exitCode(WAIT), stop.output());
            }
            assertEquals(0, app.exitCode(WAIT), app.output());
        }
    }

    @Test
    void version_printsTheVersion_andExitsZero() throws Exception {
        try (AppProcess version = AppProcess.start("--version")) {
            assertEquals(0, version.exitCode(WAIT), version.output());
            assertTrue(version.output().startsWith("kalisocket "), version.output());
        }
    }

    @Test
    void anUnknownFlag_isNamed_andExitsTwo() throws Exception {
        try (AppProcess bogus = AppProcess.start("--bogus")) {
            assertEquals(2, bogus.exitCode(WAIT), bogus.output());
            assertTrue(bogus.output().startsWith("unknown flag: --bogus\nusage: "), bogus.output());
        }
    }

    /** Collects every text message, in order. */
    private record Collecting(LinkedBlockingQueue<String> received) implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.add(data.toString());
            webSocket.request(1);
            return null;
        }
    }
}
