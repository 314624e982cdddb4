package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.run.Pinning;
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
 * CI's guard that {@code flood} runs: 2 seconds of pipelining without a window against the KaliSocket app, never a
 * benchmark. The bench app has no rate limit, so every reply is a success: the server slows the flood, it does not
 * refuse it.
 */
class FloodSmokeTest {

    private static final BenchOptions SMOKE = BenchOptions.parse("flood", "--connections", "10", "--duration", "2",
            "--warmup", "0", "--no-pin");

    @Test
    void flood_isAnsweredWithoutA503_defaultDispatchAndInline() throws Exception {
        try (RunningBenchServer server = KaliBenchServer.start(0)) {
            for (String action : new String[] {"say", "fast"}) {
                Map<String, Double> figures = new FloodScenario().measure(
                        new Subject("smoke", URI.create("ws://127.0.0.1:" + server.port() + "/"), action,
                                Optional.empty()), SMOKE);
                assertThat(figures.get("successful replies/s")).as(action).isPositive();
                assertThat(figures.get("503 share %")).as(action).isZero();
                assertThat(figures.get("429 share %")).as(action).isZero();
            }
        }
    }

    /**
     * The flood opens its connections while the first ones already flood. When the only worker loop accepted
     * connections too, the later ones waited in the kernel's accept queue until their handshakes timed out ("only
     * 57 of 100 connections opened", the bench's run against its server on one core); a loop of its own accepts
     * them. The server runs as the bench runs it: its own JVM on one core, so with one worker loop.
     */
    @Test
    void flood_opensEveryConnection_toAServerOnOneCore() throws Exception {
        BenchOptions hundred = BenchOptions.parse("flood", "--connections", "100", "--duration", "1", "--warmup",
                "0", "--no-pin");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // The runner's own pinning (taskset -c 0); on a one-core machine the server has one worker loop anyway.
        List<String> oneCore = Pinning.decide(true).serverPrefix();
        try (ServerProcess server = ServerProcess.start(ServerKind.KALI, java, oneCore, List.of())) {
            Map<String, Double> figures = new FloodScenario().measure(new Subject("kali",
                    URI.create("ws://127.0.0.1:" + server.port() + "/"), "say", Optional.of(server)), hundred);
            // measure() fails unless all 100 opened; a cold server on one core may answer none within the second
            assertThat(figures).containsKey("successful replies/s");
            // read while the flood still runs, from the server's own JVM
            assertThat(figures.get("server live heap under the flood MiB (lower is better)")).isPositive();
        }
    }
}
