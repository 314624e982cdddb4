package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.run.ServerProcess;
import io.kalisocket.bench.server.ServerKind;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CI's guard that {@code handshake} still measures, and counts a {@code --target}'s CPU when given its pid. */
class HandshakeSmokeTest {

    private static final BenchOptions SMOKE = BenchOptions.parse("handshake", "--connections", "2", "--duration", "1",
            "--warmup", "0");

    @Test
    void aTargetWithItsPid_isMeasuredPerServerCpuSecond_asAServerTheRunnerStarted() throws Exception {
        Map<String, Double> figures = measureTarget(ServerKind.KALI, true);
        assertThat(figures.get("handshakes/s")).isPositive();
        assertThat(figures.get("failed/s (lower is better)")).isZero();
        assertThat(figures.get("server cpu %")).isPositive();
        assertThat(figures.get("handshakes per server cpu-s")).isPositive();
    }

    @Test
    void aTargetWithoutItsPid_hasNoServerCpuFigures() throws Exception {
        Map<String, Double> figures = measureTarget(ServerKind.BASELINE, false);
        assertThat(figures.get("handshakes/s")).isPositive();
        assertThat(figures).doesNotContainKeys("server cpu %", "handshakes per server cpu-s");
    }

    @Test
    void atAFixedRate_eachServerGetsTheSameLoad_andItsCpuPerHandshakeIsReported() throws Exception {
        BenchOptions paced = BenchOptions.parse("handshake", "--connections", "4", "--duration", "1", "--warmup", "0",
                "--rate", "200");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess server = ServerProcess.start(ServerKind.KALI, java, List.of(), List.of())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
            Map<String, Double> figures = new HandshakeScenario()
                    .measure(new Subject("kali", uri, "say", Optional.of(server)), paced);
            assertThat(figures.get("handshakes/s @200/s")).isPositive();
            assertThat(figures.get("failed/s @200/s (lower is better)")).isZero();
            assertThat(figures.get("server cpu ms per 1k handshakes @200/s (lower is better)")).isPositive();
            assertThat(figures).containsKeys("skipped/s @200/s (lower is better)", "load cpu % @200/s");
        }
    }

    /** Starts a server as if it were someone else's, measures it as {@code --target} [with its pid]. */
    private static Map<String, Double> measureTarget(ServerKind kind, boolean withPid) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess server = ServerProcess.start(kind, java, List.of(), List.of())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
            Optional<Long> pid = withPid ? Optional.of(server.pid()) : Optional.empty();
            return new HandshakeScenario().measure(Subject.target(uri, "say", pid), SMOKE);
        }
    }
}
