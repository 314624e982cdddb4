package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The flags of the comparisons in alternating windows: two loopback servers, bounded runs, a command's own flags. */
class PairsOptionsTest {

    private static final List<String> SERVERS = List.of("--a", "ws://127.0.0.1:1/", "--a-pid", "11",
            "--b", "ws://127.0.0.1:2/", "--b-pid", "22");

    private static List<String> servers(String... more) {
        return Stream.concat(SERVERS.stream(), Arrays.stream(more)).toList();
    }

    @Test
    void defaults_twentyPairsOfTwoSecondWindows_afterFifteenSecondsOfWarmUp() {
        PairsOptions options = PairsOptions.parse("x-pairs", SERVERS, 4000, 20_000, Map.of());

        assertThat(options.targets()).containsExactly(URI.create("ws://127.0.0.1:1/"), URI.create("ws://127.0.0.1:2/"));
        assertThat(options.pids()).containsExactly(11L, 22L);
        assertThat(options.rate()).isEqualTo(4000);
        assertThat(options.pairs()).isEqualTo(20);
        assertThat(options.windowMs()).isEqualTo(2000);
        assertThat(options.warmupMs()).isEqualTo(15_000);
    }

    @Test
    void needsBothServersAndTheirProcesses() {
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", List.of("--a", "ws://127.0.0.1:1/", "--a-pid", "42"),
                4000, 20_000, Map.of())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--b-pid");
    }

    @Test
    void refusesATargetBeyondLoopback_andBoundsTheRun() {
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", List.of("--a", "ws://192.0.2.1:1/", "--a-pid", "1",
                "--b", "ws://127.0.0.1:2/", "--b-pid", "2"), 4000, 20_000, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-loopback");
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", servers("--pairs", "1000"), 4000, 20_000, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pairs");
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", servers("--rate", "20001"), 4000, 20_000, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--rate must be 1-20000");
    }

    @Test
    void aCommandsOwnFlags_takeTheirDefaults_orTheGivenValue_andOthersAreRefused() {
        Map<String, String> own = Map.of("--connections", "100");

        assertThat(PairsOptions.parse("x-pairs", SERVERS, 1, 10, own).extraInt("--connections", 1, 500))
                .isEqualTo(100);
        assertThat(PairsOptions.parse("x-pairs", servers("--connections", "7"), 1, 10, own)
                .extraInt("--connections", 1, 500)).isEqualTo(7);
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", servers("--connections", "7"), 1, 10, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown flag --connections");
        assertThatThrownBy(() -> PairsOptions.parse("x-pairs", servers("--connections", "501"), 1, 10, own)
                .extraInt("--connections", 1, 500)).isInstanceOf(IllegalArgumentException.class);
    }
}
