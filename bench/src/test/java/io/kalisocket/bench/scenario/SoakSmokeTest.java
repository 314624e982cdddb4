package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.run.ResultTable;
import io.kalisocket.bench.run.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * CI's guard that {@code soak} still runs, through the whole runner (the server in its own JVM with Netty's leak
 * detector at paranoid, driven over stdin/stdout): a few seconds of churn beside 10 steady connections leave the
 * registries empty and no leak report; never the soak itself (that is 10 minutes, docs/BENCHMARKS.md).
 */
class SoakSmokeTest {

    @Test
    void soak_churnLeavesEmptyRegistriesAndNoLeak() throws Exception {
        BenchOptions options = BenchOptions.parse("soak", "--connections", "10", "--rate", "20", "--duration", "4",
                "--warmup", "1", "--no-pin");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ResultTable table = new ScenarioRunner(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();

        assertThat(table.median("kali", "churn connections completed")).isPositive();
        for (String left : new String[] {"connections left (lower is better)", "client ids left (lower is better)",
                "uids left (lower is better)", "groups left (lower is better)", "Netty LEAK reports (lower is better)",
                "churn connections failed (lower is better)", "error replies (lower is better)"}) {
            assertThat(table.median("kali", left)).as(left).isZero();
        }
        assertThat(table.median("kali", "heap after GC MiB at 0.0 s")).isPositive();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("## soak", "| groups left (lower is better) |");
    }

    @Test
    void soak_lastsTenMinutesAndChurnsFiftyConnectionsPerSecondByDefault() {
        BenchOptions options = BenchOptions.parse("soak");
        assertThat(options.duration()).isEqualTo(SoakScenario.DURATION).hasMinutes(10);
        assertThat(options.rates()).containsExactly(50);
        assertThat(options.connectionsOr(SoakScenario.CONNECTIONS)).isEqualTo(100);
    }
}
