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
 * CI's guard that {@code reconnect} still runs, through the whole runner (each node in its own JVM, driven
 * over stdin/stdout): 20 clients drop, miss 3 pushes and come back, on every column; never a benchmark.
 */
class ReconnectSmokeTest {

    @Test
    void reconnect_everyClientComesBack_andTheRecoveredOnesGetEveryMissedPushInOrder() throws Exception {
        try (TestRedis redis = TestRedis.require()) {
            BenchOptions options = BenchOptions.parse("reconnect", "--connections", "20", "--messages", "3",
                    "--no-pin", "--redis", redis.uri().toString());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultTable table = new ScenarioRunner(options, new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
            for (String column : new String[] {"fresh 1 node", "recover 1 node", "recover 2 nodes redis"}) {
                assertThat(table.median(column, "clients not back (lower is better)")).as(column).isZero();
                assertThat(table.median(column, "server peak heap MiB during the return (lower is better)")).as(column)
                        .isPositive();
            }
            assertThat(table.median("fresh 1 node", "missed pushes received in order")).isZero();
            assertThat(table.median("recover 1 node", "missed pushes received in order")).isEqualTo(60.0);
            assertThat(table.median("recover 2 nodes redis", "missed pushes received in order")).isEqualTo(60.0);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("## reconnect", "| time until all back s");
        }
    }
}
