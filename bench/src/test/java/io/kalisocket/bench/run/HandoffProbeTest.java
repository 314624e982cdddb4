package io.kalisocket.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandoffProbeTest {

    @Test
    void printsBothPhasesWithTheirRoundTripsAndCostEach() throws InterruptedException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new HandoffProbe(Duration.ofSeconds(1)).run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("| hand-off and back | round trips | wall us per round trip | cpu us per round trip |")
                .containsPattern("\\| park/unpark, two threads \\| [1-9][0-9,]* \\| [0-9.]+ \\| [0-9.]+ \\|")
                .containsPattern("\\| Netty event loops, two loops \\| [1-9][0-9,]* \\| [0-9.]+ \\| [0-9.]+ \\|");
    }
}
