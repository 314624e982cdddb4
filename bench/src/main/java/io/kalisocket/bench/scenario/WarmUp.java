package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.run.CpuClock;
import io.kalisocket.bench.run.ServerProcess;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The warm-up before a measurement: {@code --warmup}, then, with {@code --jit-quiet S}, on until the JIT
 * compilers are quiet (for at most S more seconds).
 *
 * <p>Why: with the server on one core, its C2 compiler thread shares that core with the event loop. After a
 * 4-second warm-up of {@code handshake}, C2 still took 43 % of the core (perf), and the same run measured 2,900
 * handshakes/s against 11,400 after 20 s. "Quiet" is measured, not guessed: every second the compile time of
 * each server the runner started and of this load generator is read, and the warm-up ends at the first second
 * in which each grew by less than {@link #QUIET_MILLIS_PER_SECOND} ms. A {@code --target} server given with
 * {@code --target-pid} is read from outside: the CPU time of its compiler threads ({@link CpuClock#compilerMillisOf}).
 */
final class WarmUp {

    /** Compilation below this, per second of wall time, counts as quiet (2 % of a core). */
    static final long QUIET_MILLIS_PER_SECOND = 20;
    private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

    private WarmUp() {
    }

    /**
     * Warms up: sleeps {@code --warmup}, then waits for quiet JIT compilers when asked to.
     *
     * @param subject the servers being measured
     * @param options the warm-up options
     * @return how long the whole warm-up took, in seconds (a figure of the table)
     * @throws IOException if a server does not answer
     * @throws InterruptedException if interrupted
     */
    static double run(Subject subject, BenchOptions options) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(options.warmup().toMillis());
        if (!options.jitQuiet().isZero()) {
            untilQuiet(clocks(subject), options.jitQuiet());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Looks once a second until every clock grew by less than the quiet amount in that second, or the
     * deadline passes.
     *
     * @param clocks  compile-time clocks in milliseconds (-1 = unknown, treated as quiet)
     * @param atMost  the longest to wait
     * @return true when quiet, false when the deadline came first
     * @throws InterruptedException if interrupted
     */
    static boolean untilQuiet(List<LongSupplier> clocks, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        long[] last = read(clocks);
        while (System.nanoTime() < deadline) {
            Thread.sleep(LOOK_EVERY.toMillis());
            long[] now = read(clocks);
            boolean quiet = true;
            for (int i = 0; i < now.length; i++) {
                quiet &= now[i] < 0 || now[i] - last[i] < QUIET_MILLIS_PER_SECOND * LOOK_EVERY.toSeconds();
            }
            if (quiet) {
                return true;
            }
            last = now;
        }
        return false;
    }

    private static long[] read(List<LongSupplier> clocks) {
        long[] values = new long[clocks.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = clocks.get(i).getAsLong();
        }
        return values;
    }

    private static List<LongSupplier> clocks(Subject subject) {
        List<LongSupplier> clocks = new ArrayList<>();
        CompilationMXBean own = ManagementFactory.getCompilationMXBean();
        if (own != null && own.isCompilationTimeMonitoringSupported()) {
            clocks.add(own::getTotalCompilationTime);
        }
        for (ServerProcess server : subject.processes()) {
            clocks.add(() -> compileMillis(server));
        }
        subject.targetPid().ifPresent(pid -> clocks.add(() -> CpuClock.compilerMillisOf(pid)));
        return clocks;
    }

    private static long compileMillis(ServerProcess server) {
        try {
            return server.compileMillis();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
