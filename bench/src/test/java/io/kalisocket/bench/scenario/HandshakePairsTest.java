package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code handshake-pairs}: two running servers take turns at one rate; their CPU per handshake is compared. */
class HandshakePairsTest {

    @Test
    void twoServers_takeTurns_andTheMedianOfTheirCpuPerHandshakeIsReported() throws Exception {
        try (TwoServers servers = new TwoServers()) {
            HandshakePairs pairs = HandshakePairs.parse(servers.flags("--rate", "100", "--pairs", "2",
                    "--window", "500", "--warmup", "0"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            double median = pairs.run(new PrintStream(out, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(median).isPositive();
            assertThat(printed).contains("pair  1:", "pair  2:", "median B/A").doesNotContain("failed 1");
        }
    }
}
