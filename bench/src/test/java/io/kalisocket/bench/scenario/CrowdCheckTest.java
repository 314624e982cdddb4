package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code crowd} command's flags: a loopback target, its process, a bounded count. */
class CrowdCheckTest {

    @Test
    void parse_takesTheTargetAndItsProcess() {
        assertThat(CrowdCheck.parse(List.of("--target", "ws://127.0.0.1:9527/", "--pid", "42", "--connections", "100")))
                .isNotNull();
    }

    @Test
    void parse_needsTheProcessForTheHeapFigures() {
        assertThatThrownBy(() -> CrowdCheck.parse(List.of("--target", "ws://127.0.0.1:9527/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--pid");
    }

    @Test
    void parse_refusesATargetBeyondLoopback() {
        assertThatThrownBy(() -> CrowdCheck.parse(List.of("--target", "ws://192.0.2.1:9527/", "--pid", "42")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parse_boundsTheCrowd() {
        assertThatThrownBy(() -> CrowdCheck.parse(List.of("--target", "ws://127.0.0.1:9527/", "--pid", "42",
                "--connections", Integer.toString(CrowdCheck.MAX_CONNECTIONS + 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--connections");
    }
}
