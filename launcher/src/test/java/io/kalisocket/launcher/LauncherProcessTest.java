package io.kalisocket.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.opstest.JavaProcess;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An application started through the launcher, in a JVM of its own with no Logback file: it logs out of the box
 * (KaliSocket at INFO, Netty quiet), in either format, serves, and stops on SIGTERM with exit status 0.
 */
class LauncherProcessTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern PORT = Pattern.compile("listening on ws://127\\.0\\.0\\.1:(\\d+)/");

    @Test
    void run_logsListening_servesCalls_andStopsOnSigterm() throws Exception {
        try (JavaProcess app = JavaProcess.start(List.of(), LaunchedApp.class, "--port", "0", "--admin-port", "0")) {
            int port = Integer.parseInt(app.awaitGroup(PORT, WAIT));
            try (TestClient client = TestClient.connect(port)) {
                assertThat(client.call("ping", "ping").path("data").asText()).isEqualTo("pong");
            }
            app.process().destroy();
            assertThat(app.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(app.process().exitValue()).as(String.join("\n", app.lines())).isZero();
            assertThat(app.lines()).as("INFO lines of KaliSocket, nothing below INFO, nothing of Netty's")
                    .anyMatch(l -> l.contains(" INFO ") && l.contains("KaliSocket listening on"))
                    .noneMatch(l -> l.contains(" DEBUG ") || l.contains(" TRACE "))
                    .noneMatch(l -> l.contains("io.netty"))
                    .noneMatch(l -> l.contains("SLF4J"));
        }
    }

    @Test
    void logFormatJson_logsOneObjectPerLine() throws Exception {
        try (JavaProcess app = JavaProcess.start(List.of(), LaunchedApp.class, "--port", "0", "--admin-port", "0",
                "--log-format", "json")) {
            // JSON escapes the slashes of ws://, so this waits for the words only.
            app.awaitGroup(Pattern.compile("(KaliSocket listening on)"), WAIT);
            app.process().destroy();
            assertThat(app.process().waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(app.lines()).filteredOn(l -> l.contains("listening on")).singleElement()
                    .satisfies(l -> assertThat(TestClient.parse(l).path("level").asText()).isEqualTo("INFO"));
            assertThat(app.lines()).allSatisfy(l -> assertThat(l).startsWith("{").endsWith("}"));
        }
    }
}
