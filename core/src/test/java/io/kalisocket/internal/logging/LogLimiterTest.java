package io.kalisocket.internal.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.FakeClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** At most one line per interval for what clients can cause at will; the lines left out are counted. */
class LogLimiterTest {

    private final FakeClock clock = new FakeClock();
    private final LogLimiter limiter = new LogLimiter(Duration.ofSeconds(10), clock::nanoTime);

    @Test
    void tryLog_allowsTheFirstLine_thenNoneUntilTheIntervalHasPassed() {
        assertThat(limiter.tryLog()).as("first line, none left out").isZero();
        assertThat(limiter.tryLog()).isEqualTo(-1);
        clock.advance(Duration.ofMillis(9_999));
        assertThat(limiter.tryLog()).isEqualTo(-1);
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryLog()).as("the next line reports the two left out").isEqualTo(2);
        assertThat(limiter.tryLog()).isEqualTo(-1);
    }
}
