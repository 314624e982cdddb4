package io.kalisocket.bench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServerFlagsTest {

    @Test
    void parse_defaults_oneNodeWithoutRecovery() {
        assertThat(ServerFlags.parse()).isEqualTo(ServerFlags.DEFAULT);
    }

    @Test
    void parse_clusterAndRecoveryFlags() {
        ServerFlags f = ServerFlags.parse("--port", "0", "--redis", "redis://127.0.0.1:6379", "--node-id", "b",
                "--key-prefix", "bench:x:", "--recovery");
        assertThat(f.redis()).contains(URI.create("redis://127.0.0.1:6379"));
        assertThat(f.nodeId()).contains("b");
        assertThat(f.keyPrefix()).isEqualTo("bench:x:");
        assertThat(f.recovery()).isTrue();
    }

    @Test
    void parse_refusesUnknownFlags_andTheBaselineRefusesClusterFlags() {
        assertThatThrownBy(() -> ServerFlags.parse("--bogus", "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerKind.BASELINE.start(ServerFlags.parse("--recovery"), new ArrivalProbe()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
