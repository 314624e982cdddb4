package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.server.KaliBenchServer;
import io.kalisocket.bench.server.RunningBenchServer;
import java.net.URI;
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
}
