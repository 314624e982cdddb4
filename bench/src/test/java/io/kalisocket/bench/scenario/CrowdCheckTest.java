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

    @Test
    void heap_isEveryGenerationsUse_notTheYoungOnesAlone() {
        String serial = """
                 def new generation   total 116224K, used 30638K [0x0000000687400000, 0x000000068f210000)
                  eden space 103360K,  29% used [0x0000000687400000, 0x00000006891eba08)
                 tenured generation   total 258048K, used 40616K [0x0000000704d50000, 0x0000000714950000)
                 Metaspace       used 31569K, committed 31936K, reserved 1114112K
                """;
        assertThat(CrowdCheck.usedHeapBytes(serial)).isEqualTo((30638L + 40616L) * 1024);
        assertThat(CrowdCheck.usedHeapBytes(" garbage-first heap   total 262144K, used 12345K [0x1, 0x2)"))
                .isEqualTo(12345L * 1024);
        assertThat(CrowdCheck.usedHeapBytes("no heap here")).isEqualTo(-1);
    }
}
