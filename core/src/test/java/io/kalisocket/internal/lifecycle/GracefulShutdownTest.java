package io.kalisocket.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.opstest.JavaProcess;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM on a real server process with real clients: nothing received before the signal is lost, every
 * client is told 1012, the offline actions run, and the process exits 0; a SIGTERM while the server starts stops it
 * the same way once it is open.
 */
class GracefulShutdownTest {

    private static final Pattern LISTENING = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Pattern ROUTE = Pattern.compile("route (drain/\\w+)");
    private static final int CLIENTS = 3;
    private static final int MESSAGES = 5;

    @Test
    void sigterm_finishesWhatWasReceived_closes1012_runsOffline_exits0() throws Exception {
        String logback = "-Dlogback.configurationFile="
                + getClass().getResource("/io/kalisocket/lifecycle/probe-logback.xml").getPath();
        try (JavaProcess server = JavaProcess.start(List.of(logback), ShutdownProbeMain.class)) {
            String port = server.awaitGroup(LISTENING, Duration.ofSeconds(30));
            List<TestClient> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(TestClient.connect(Integer.parseInt(port)));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> lines(server, "ONLINE ").size() == CLIENTS);
            for (TestClient client : clients) {
                for (int n = 0; n < MESSAGES; n++) {
                    client.send("{\"ct\":\"drain\",\"ac\":\"work\",\"ms\":150,\"n\":" + n + ",\"msgid\":\"m" + n + "\"}");
                }
            }
            // Every message has been received (receipted) before the signal; most are still waiting to run.
            await().atMost(Duration.ofSeconds(10)).until(() -> clients.stream()
                    .allMatch(c -> c.received(m -> m.contains("pongMsg")).size() == MESSAGES));

            server.terminate();

            for (TestClient client : clients) {
                assertThat(client.awaitClose()).isEqualTo(1012);
                List<String> replies = client.received(m -> m.contains("\"code\":0"));
                assertThat(replies).hasSize(MESSAGES);
                for (int n = 0; n < MESSAGES; n++) {
                    assertThat(replies.get(n)).contains("\"n\":" + n).contains("\"msgid\":\"m" + n + "\"");
                }
            }
            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue()).as(String.join("\n", server.lines())).isZero();
            assertThat(lines(server, "OFFLINE ")).as(String.join("\n", server.lines()))
                    .isEqualTo(lines(server, "ONLINE "));
            assertThat(server.lines()).contains("EXITING");
        }
    }

    @Test
    void sigterm_whileTheServerStarts_stopsItOnceOpen_andExits0() throws Exception {
        String logback = "-Dlogback.configurationFile="
                + getClass().getResource("/io/kalisocket/lifecycle/probe-logback.xml").getPath();
        try (JavaProcess server = JavaProcess.start(List.of(logback), ShutdownProbeMain.class)) {
            // Routes are logged while the server is being made, before any port is open.
            server.awaitGroup(ROUTE, Duration.ofSeconds(30));

            server.terminate();

            assertThat(server.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(server.process().exitValue()).as(String.join("\n", server.lines())).isZero();
            assertThat(server.lines()).contains("EXITING")
                    .noneMatch(l -> l.contains("Exception"));
        }
    }

    private static Set<String> lines(JavaProcess server, String prefix) {
        return server.lines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .collect(Collectors.toSet());
    }
}
