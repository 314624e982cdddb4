package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.CpuClock;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two running servers take turns at the same load, window after window, and their CPU per unit of work is compared
 * pair by pair. This machine has slow phases that last minutes and hit every server alike: runs minutes apart differ
 * by more than servers do, windows seconds apart do not. A server's CPU is the time its threads were on a CPU
 * ({@code /proc/PID/task/N/schedstat}, nanoseconds).
 */
final class AlternatingWindows {

    /**
     * One server's share of a window.
     *
     * @param cpuMsPer1k the server's CPU per 1k units of work done in it
     * @param ok units done
     * @param failed units that failed
     * @param loadPercent the load side's CPU, in % of a core
     */
    record Window(double cpuMsPer1k, long ok, long failed, double loadPercent) {
    }

    /** Drives one server for a window and measures it. */
    @FunctionalInterface
    interface Load {
        /**
         * @param server 0 for A, 1 for B
         * @param ms the window's length
         * @return what the window measured
         * @throws InterruptedException if interrupted
         */
        Window run(int server, long ms) throws InterruptedException;
    }

    /** The clock of one window: the server's CPU and the load side's from its start. */
    static final class Meter {
        private final long pid;
        private final long serverStart;
        private final long loadStart;
        private final long start;

        /**
         * @param pid the server's process: its CPU is read now
         * @throws IllegalStateException when that process's CPU cannot be read (no such process on this machine)
         */
        Meter(long pid) {
            this.pid = pid;
            this.serverStart = CpuClock.scheduledNanosOf(pid);
            if (serverStart < 0) {
                throw new IllegalStateException("cannot read the CPU of process " + pid + " (/proc/" + pid
                        + "/task): is it the server's, running on this machine?");
            }
            this.loadStart = CpuClock.self();
            this.start = System.nanoTime();
        }

        /**
         * @param ok units done since the start
         * @param failed units that failed since the start
         * @return the window
         */
        Window end(long ok, long failed) {
            double seconds = (System.nanoTime() - start) / 1e9;
            long cpu = CpuClock.scheduledNanosOf(pid) - serverStart;
            double load = 100 * (CpuClock.self() - loadStart) / 1e9 / seconds;
            return new Window(cpu / 1e6 / Math.max(1, ok) * 1000, ok, failed, load);
        }
    }

    private AlternatingWindows() {
    }

    /**
     * Runs the warm-ups and the pairs, printing each pair and the median.
     *
     * @param options the servers, rate, pairs and windows
     * @param unit what one unit of work is, plural ("handshakes", "messages")
     * @param load drives a server for a window
     * @param out where the figures go
     * @return the median of B's CPU per unit to A's, over the pairs
     * @throws InterruptedException if interrupted
     */
    static double compare(PairsOptions options, String unit, Load load, PrintStream out)
            throws InterruptedException {
        out.printf("%s: A %s (pid %d), B %s (pid %d), %d %s/s, %d pairs of %d ms windows%n", options.command(),
                options.targets().get(0), options.pids().get(0), options.targets().get(1), options.pids().get(1),
                options.rate(), unit, options.pairs(), options.windowMs());
        if (options.warmupMs() > 0) {
            load.run(0, options.warmupMs());
            load.run(1, options.warmupMs());
        }
        List<Double> ratios = new ArrayList<>();
        double maxLoad = 0;
        for (int i = 0; i < options.pairs(); i++) {
            Window[] pair = new Window[2];
            int first = i % 2; // A first in even pairs, B in odd ones: neither always follows the other
            pair[first] = load.run(first, options.windowMs());
            pair[1 - first] = load.run(1 - first, options.windowMs());
            double ratio = pair[1].cpuMsPer1k() / pair[0].cpuMsPer1k();
            ratios.add(ratio);
            maxLoad = Math.max(maxLoad, Math.max(pair[0].loadPercent(), pair[1].loadPercent()));
            out.printf("  pair %2d: A %.1f, B %.1f ms cpu per 1k %s (B/A %.3f; %s %d / %d, failed %d / %d)%n",
                    i + 1, pair[0].cpuMsPer1k(), pair[1].cpuMsPer1k(), unit, ratio, unit, pair[0].ok(), pair[1].ok(),
                    pair[0].failed(), pair[1].failed());
        }
        Collections.sort(ratios);
        double median = ratios.get(ratios.size() / 2);
        out.printf("median B/A cpu per %s %.3f (B: %.2fx A's %s per server cpu-s); quartiles %.3f-%.3f;"
                        + " load side at most %.0f %% of a core%n", singular(unit), median, 1 / median, unit,
                ratios.get(ratios.size() / 4), ratios.get(ratios.size() * 3 / 4), maxLoad);
        return median;
    }

    private static String singular(String unit) {
        return unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit;
    }
}
