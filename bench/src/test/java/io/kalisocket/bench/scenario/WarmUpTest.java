package io.kalisocket.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WarmUpTest {

    @Test
    void endsAtTheFirstSecondInWhichNoCompilerWorkedMuch() throws InterruptedException {
        AtomicLong busyThenQuiet = new AtomicLong();
        long[] grows = {0, 500, 10};
        int[] look = {0};
        boolean quiet = WarmUp.untilQuiet(List.of(
                () -> busyThenQuiet.addAndGet(grows[Math.min(look[0]++, grows.length - 1)]),
                () -> -1), Duration.ofSeconds(30));
        assertThat(quiet).isTrue();
        assertThat(look[0]).isEqualTo(3); // the first look, a busy second, then a quiet one
    }

    @Test
    void givesUpAtItsDeadlineWhileTheCompilersStayBusy() throws InterruptedException {
        AtomicLong busy = new AtomicLong();
        boolean quiet = WarmUp.untilQuiet(List.of(() -> busy.addAndGet(1_000)), Duration.ofSeconds(2));
        assertThat(quiet).isFalse();
    }
}
