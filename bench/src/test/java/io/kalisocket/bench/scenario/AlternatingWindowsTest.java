package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A window's meter: the server's CPU and the load side's, or a clear refusal when the server cannot be read. */
class AlternatingWindowsTest {

    @Test
    void aMeter_ofThisProcess_measuresItsCpuPerUnit() {
        AlternatingWindows.Meter meter = new AlternatingWindows.Meter(ProcessHandle.current().pid());
        long spun = 0;
        for (int i = 0; i < 50_000_000; i++) {
            spun += i % 7;
        }

        AlternatingWindows.Window window = meter.end(1000, 0);

        assertThat(spun).isPositive();
        assertThat(window.cpuMsPer1k()).isPositive();
        assertThat(window.ok()).isEqualTo(1000);
    }

    @Test
    void aMeter_ofAProcessThatIsNotThere_isRefusedWithItsPid() {
        long missing = Integer.MAX_VALUE; // above Linux's pid_max
        assertThatThrownBy(() -> new AlternatingWindows.Meter(missing))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("process " + missing);
    }
}
