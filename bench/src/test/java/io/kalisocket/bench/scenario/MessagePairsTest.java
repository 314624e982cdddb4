package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@code message-pairs}: two running servers take turns at one rate of echo calls; their CPU per reply is compared. */
class MessagePairsTest {

    @Test
    void bareNettyAndInlineCalls_takeTurns_andTheMedianOfTheirCpuPerReplyIsReported() throws Exception {
        try (TwoServers servers = new TwoServers()) {
            MessagePairs pairs = MessagePairs.parse(servers.flags("--b-action", "fast", "--connections", "10",
                    "--rate", "200", "--pairs", "2", "--window", "500", "--warmup", "0"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            double median = pairs.run(new PrintStream(out, true, StandardCharsets.UTF_8));

            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(median).isPositive();
            assertThat(printed).contains("A calls echo/say, B echo/fast, over 10 connections", "pair  1:",
                    "pair  2:", "median B/A cpu per message").doesNotContain("messages 0 /", "failed 1");
        }
    }

    @Test
    void parse_takesOnlyTheBenchsEchoActions_andBoundsTheConnections() {
        List<String> servers = List.of("--a", "ws://127.0.0.1:1/", "--a-pid", "1", "--b", "ws://127.0.0.1:2/",
                "--b-pid", "2");
        assertThatThrownBy(() -> MessagePairs.parse(concat(servers, "--a-action", "shout")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--a-action is say or fast");
        assertThatThrownBy(() -> MessagePairs.parse(concat(servers, "--connections", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--connections must be 1-10000");
        assertThatThrownBy(() -> MessagePairs.parse(concat(servers, "--rate", "60000")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate must be 1-50000");
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Arrays.stream(tail)).toList();
    }
}
