package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import io.kalisocket.RunningServer;
import io.kalisocket.testing.ServerLogs;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server a fuzz target attacks, with a bystander: a client connected before the attack, which must be served
 * throughout. {@link #assertKeepsServing()} after each input also fails when the server logged anything at ERROR, so
 * that a finding names the input that caused it.
 *
 * <p>A fuzzer connects hundreds of times a second from one address, and the bystander is asked after every input:
 * the per-IP handshake rate and the message budget are lifted so that they do not answer in the parser's place. The
 * idle timeout is an hour: the bystander is silent from start until the first input runs, and on a loaded machine
 * Jazzer's instrumentation before that can take longer than the default minute, which closed the bystander.
 * Jazzer's network-connection detector reports any connection a fuzz target makes: {@link #loopbackAllowed()} tells
 * it that loopback is expected.
 */
final class FuzzedServer implements AutoCloseable {

    private final ServerLogs logs = ServerLogs.capture();
    private final RunningServer server;
    private final TestClient bystander;

    /** @param keyValues config overrides, as dotted key, value, key, value... */
    FuzzedServer(String... keyValues) {
        List<String> config = new ArrayList<>(List.of("limits.handshakes-per-ip-per-second", "0",
                "limits.messages-per-second", "1000000", "limits.message-burst", "1000000",
                "limits.idle-timeout", "1h"));
        config.addAll(List.of(keyValues));
        server = TestServers.probe(config.toArray(String[]::new));
        bystander = TestClient.connect(server.port());
        await().until(() -> server.counters().get("connections_open") == 1);
    }

    /**
     * Lets the fuzz target connect to loopback, until closed. Called in the target, not at start: Jazzer's detectors
     * are loaded with its agent, which it installs once the fuzz test's inputs are about to run.
     *
     * @return what restores the detector's previous policy
     */
    static SilentCloseable loopbackAllowed() {
        // the detector sees the host as named or, for 127.0.0.1, as the name the address resolves to
        return BugDetectors.allowNetworkConnections(
                (host, port) -> host.equals("127.0.0.1") || host.equals("localhost"));
    }

    /** @return the server's port */
    int port() {
        return server.port();
    }

    /**
     * The bystander still gets answers, the server holds no connection but the bystander's, and nothing was logged at
     * ERROR.
     */
    void assertKeepsServing() {
        assertThat(bystander.call("probe", "echo", "data", "still here").get("data").asText())
                .isEqualTo("still here");
        await().pollInterval(Duration.ofMillis(2)).until(() -> server.counters().get("connections_open") == 1);
        assertThat(logs.errors()).as("lines logged at ERROR").isEmpty();
    }

    @Override
    public void close() {
        try {
            assertThat(logs.errors()).as("lines logged at ERROR").isEmpty();
        } finally {
            bystander.close();
            server.close();
            logs.close();
        }
    }
}
