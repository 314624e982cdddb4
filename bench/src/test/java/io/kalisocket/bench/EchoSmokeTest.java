package io.kalisocket.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.run.ResultTable;
import io.kalisocket.bench.run.ScenarioRunner;
import io.kalisocket.bench.scenario.EchoScenario;
import io.kalisocket.bench.scenario.Subject;
import io.kalisocket.bench.server.KaliBenchServer;
import io.kalisocket.bench.server.RunningBenchServer;
import io.kalisocket.bench.server.BaselineServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** CI's guard that the bench still builds and runs: 2-second echo smokes, never a benchmark. */
class EchoSmokeTest {

    private static final BenchOptions SMOKE = BenchOptions.parse("echo", "--connections", "10", "--duration", "2",
            "--warmup", "0", "--window", "4", "--no-pin", "--servers", "baseline");

    @Test
    void echo_againstTheBaselineInProcess() throws Exception {
        try (RunningBenchServer server = BaselineServer.start(0, 1)) {
            assertThat(replies(server, "say")).isPositive();
        }
    }

    @Test
    void echo_againstTheKaliSocketAppInProcess_defaultAndInline() throws Exception {
        try (RunningBenchServer server = KaliBenchServer.start(0)) {
            assertThat(replies(server, "say")).isPositive();
            assertThat(replies(server, "fast")).isPositive();
        }
    }

    @Test
    void runner_startsTheBaselineInItsOwnJvmAndPrintsTheTable() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultTable table = new ScenarioRunner(SMOKE, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
        assertThat(table.median("baseline", "replies/s")).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("## echo", "| replies/s |");
    }

    private static double replies(RunningBenchServer server, String action) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
        Map<String, Double> figures = new EchoScenario().measure(new Subject("smoke", uri, action, Optional.empty()), SMOKE);
        assertThat(figures.get("error replies/s")).isZero();
        return figures.get("replies/s");
    }
}
