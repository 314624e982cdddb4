package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kalisocket.bench.run.ServerProcess;
import io.kalisocket.bench.server.ServerKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code handshake-pairs}: two running servers take turns at one rate; their CPU per handshake is compared. */
class HandshakePairsTest {

    @Test
    void twoServers_takeTurns_andTheMedianOfTheirCpuPerHandshakeIsReported() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess a = ServerProcess.start(ServerKind.BASELINE, java, List.of(), List.of());
                ServerProcess b = ServerProcess.start(ServerKind.KALI, java, List.of(), List.of())) {
            HandshakePairs pairs = HandshakePairs.parse(List.of("--a", "ws://127.0.0.1:" + a.port() + "/",
                    "--a-pid", Long.toString(a.pid()), "--b", "ws://127.0.0.1:" + b.port() + "/",
                    "--b-pid", Long.toString(b.pid()), "--rate", "100", "--pairs", "2", "--window", "500",
                    "--warmup", "0"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            double median = pairs.run(new PrintStream(out, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(median).isPositive();
            assertThat(printed).contains("pair  1:", "pair  2:", "median B/A").doesNotContain("failed 1");
        }
    }

    @Test
    void parse_needsBothServersAndTheirProcesses() {
        assertThatThrownBy(() -> HandshakePairs.parse(List.of("--a", "ws://127.0.0.1:1/", "--a-pid", "42")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--b-pid");
    }

    @Test
    void parse_refusesATargetBeyondLoopback_andBoundsTheRun() {
        assertThatThrownBy(() -> HandshakePairs.parse(List.of("--a", "ws://192.0.2.1:1/", "--a-pid", "1",
                "--b", "ws://127.0.0.1:2/", "--b-pid", "2"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HandshakePairs.parse(List.of("--a", "ws://127.0.0.1:1/", "--a-pid", "1",
                "--b", "ws://127.0.0.1:2/", "--b-pid", "2", "--pairs", "1000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pairs");
    }
}
