package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.run.ServerProcess;
import io.kalisocket.bench.server.KaliBenchServer;
import io.kalisocket.bench.server.RunningBenchServer;
import io.kalisocket.bench.server.ServerKind;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * CI's guard that the fixed-rate generator (spinning, as when pinned) and the servers' arrival probe still
 * measure: 1-second smokes.
 */
class LatencySmokeTest {

    @Test
    void latency_reportsPercentilesTheLateShareAndTheGeneratorsOwnLag() throws Exception {
        BenchOptions smoke = BenchOptions.parse("latency", "--connections", "5", "--rate", "500", "--duration", "1",
                "--warmup", "0", "--servers", "kali");
        assertThat(smoke.pin()).isTrue(); // so the generator's loop spins, the path the latency figures use
        try (RunningBenchServer server = KaliBenchServer.start(0)) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
            Map<String, Double> figures = new LatencyScenario()
                    .measure(new Subject("smoke", uri, "say", Optional.empty()), smoke);
            assertThat(figures.get("p50 ms @500/s (lower is better)")).isPositive();
            assertThat(figures.get("errors @500/s (lower is better)")).isZero();
            assertThat(figures.get("lost or late @500/s (lower is better)")).isZero();
            assertThat(figures).containsKeys("% over 2 ms @500/s (lower is better)",
                    "100-ms slices (of 10) with one over 2 ms @500/s (lower is better)",
                    "generator's send lag p99 ms @500/s (lower is better)", "warm-up s @500/s");
        }
    }

    @Test
    void latency_ofAServerTheRunnerStarted_splitsOffTheWayInAsTheServerMeasuredIt() throws Exception {
        BenchOptions smoke = BenchOptions.parse("latency", "--connections", "5", "--rate", "500", "--duration", "1",
                "--warmup", "0", "--servers", "kali-inline");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        try (ServerProcess server = ServerProcess.start(ServerKind.BASELINE, java, List.of(), List.of())) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
            Map<String, Double> figures = new LatencyScenario()
                    .measure(new Subject("baseline", uri, "say", Optional.of(server)), smoke);
            double fromIntended = figures.get("server: arrival p99, from intended send ms @500/s (lower is better)");
            double fromSent = figures.get("server: arrival p99, from actual send ms @500/s (lower is better)");
            assertThat(fromSent).isPositive();
            assertThat(fromIntended).isGreaterThanOrEqualTo(fromSent); // no request leaves before it is due
            assertThat(figures).containsKeys(
                    "server: arrival % over 2 ms, from intended send @500/s (lower is better)",
                    "server: arrival max, from actual send ms @500/s (lower is better)",
                    "server cpu % @500/s", "load cpu % @500/s", "load saturated (1: over 80 %) @500/s");
            // The cost of a message: the server's CPU over the window divided by the code:0 replies of the window.
            assertThat(figures.get("server cpu ms per 1k messages @500/s (lower is better)")).isPositive();
        }
    }
}
