package io.kalisocket.bench.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The CPU clocks the runner reads from outside a process, here read on this JVM itself. */
class CpuClockTest {

    private static final long OWN = ProcessHandle.current().pid();

    @Test
    void aJvmsCompilerThreads_haveUsedCpu_whichGrowsWhileItCompiles() {
        long before = CpuClock.compilerMillisOf(OWN);
        assertThat(before).isGreaterThanOrEqualTo(0);
        // New code to compile, each round: the count advances in 10 ms ticks, so run until it does.
        await().atMost(Duration.ofMinutes(1)).until(() -> {
            compileSomething();
            return CpuClock.compilerMillisOf(OWN) > before;
        });
    }

    @Test
    void aProcessThatDoesNotExist_isUnknown() {
        assertThat(CpuClock.compilerMillisOf(Long.MAX_VALUE)).isEqualTo(-1);
        assertThat(CpuClock.of(Long.MAX_VALUE)).isEqualTo(-1);
    }

    private static void compileSomething() {
        // Loaded as hidden lambdas' classes and run hot: both JIT tiers get work.
        for (int i = 0; i < 200; i++) {
            int seed = i;
            java.util.function.IntUnaryOperator f = x -> x * 31 + seed;
            long sum = 0;
            for (int j = 0; j < 20_000; j++) {
                sum += f.applyAsInt(j) ^ Integer.rotateLeft(j, seed & 31);
            }
            if (sum == 42) {
                System.out.print("");
            }
        }
    }
}
