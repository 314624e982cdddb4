package io.kalisocket.bench.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * The machine's own scheduling jitter, the floor under every latency figure: no network, no server, one thread.
 *
 * <p>Two phases of {@code duration} each. <b>spin</b> reads the clock in a tight loop: a gap between two reads is
 * time the thread did not run (another task, or the hypervisor, had the core). <b>park</b> sleeps 100 us at a time
 * (how an event loop or a parked worker waits) and records how late it woke. Run it pinned where the server runs
 * ({@code taskset -c 0 java -jar kalisocket-bench.jar jitter}); it stops by itself.
 */
public final class JitterProbe {

    private static final long PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** A gap above this counts as a stall (the time lost to stalls is reported as a share of the phase). */
    private static final long STALL_NANOS = TimeUnit.MICROSECONDS.toNanos(100);

    private final Duration duration;

    /** @param duration length of each phase */
    public JitterProbe(Duration duration) {
        this.duration = duration;
    }

    /**
     * Runs both phases and prints a table (milliseconds).
     *
     * @param out where the table goes
     */
    public void run(PrintStream out) {
        Histogram spin = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        Histogram stalls = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        spin(spin, stalls);
        Histogram park = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        park(park);
        out.printf("| phase | p50 ms | p99 ms | p99.9 ms | p99.99 ms | max ms | samples |%n");
        out.printf("|---|---:|---:|---:|---:|---:|---:|%n");
        row(out, "spin: gap between clock reads", spin);
        row(out, "spin: stalls over 100 us only", stalls);
        row(out, "park 100 us: wake-up lateness", park);
        long stalled = (long) (stalls.getMean() * stalls.getTotalCount());
        out.printf("%nspin: %,d stalls over %d us, %.1f per second, %.3f %% of %d s lost to them%n",
                stalls.getTotalCount(), STALL_NANOS / 1000, stalls.getTotalCount() / (double) duration.toSeconds(),
                100.0 * stalled / duration.toNanos(), duration.toSeconds());
    }

    private void spin(Histogram gaps, Histogram stalls) {
        long end = System.nanoTime() + duration.toNanos();
        long last = System.nanoTime();
        while (last < end) {
            long now = System.nanoTime();
            long gap = Math.min(now - last, gaps.getHighestTrackableValue());
            gaps.recordValue(gap);
            if (gap > STALL_NANOS) {
                stalls.recordValue(gap);
            }
            last = now;
        }
    }

    private void park(Histogram h) {
        long end = System.nanoTime() + duration.toNanos();
        long now = System.nanoTime();
        while (now < end) {
            LockSupport.parkNanos(PARK_NANOS);
            long woke = System.nanoTime();
            h.recordValue(Math.min(Math.max(0, woke - now - PARK_NANOS), h.getHighestTrackableValue()));
            now = woke;
        }
    }

    private static void row(PrintStream out, String name, Histogram h) {
        out.printf("| %s | %.4f | %.4f | %.3f | %.3f | %.3f | %,d |%n", name, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getValueAtPercentile(99.99)),
                ms(h.getMaxValue()), h.getTotalCount());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
