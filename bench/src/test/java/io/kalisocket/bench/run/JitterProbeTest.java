package io.kalisocket.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class JitterProbeTest {

    @Test
    void printsBothPhasesAndTheShareLostToStalls() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new JitterProbe(Duration.ofSeconds(1)).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| phase | p50 ms | p99 ms |")
                .containsPattern("\\| spin: gap between clock reads \\| [0-9.]+ \\|")
                .containsPattern("\\| park 100 us: wake-up lateness \\| [0-9.]+ \\|")
                .contains("| spin: stalls over 100 us only |").containsPattern("stalls over 100 us, [0-9.]+ per second");
    }
}
