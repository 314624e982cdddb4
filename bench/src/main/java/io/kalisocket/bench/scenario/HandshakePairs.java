package io.kalisocket.bench.scenario;

import io.kalisocket.bench.Loopback;
import io.kalisocket.bench.load.HandshakeDriver;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.run.CpuClock;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code handshake-pairs}: two running servers ({@code --a URL --a-pid PID --b URL --b-pid PID}) take turns at the
 * same fixed rate of handshakes, in windows of {@code --window} ms, {@code --pairs} times; reports each server's CPU
 * per 1k handshakes in every window and the median of B's to A's over the pairs. This machine has slow phases that
 * last minutes and hit every server alike: runs minutes apart differ by more than servers do, windows seconds apart do
 * not. Each server's CPU is the time its threads were on a CPU ({@code /proc/PID/task/N/schedstat}, nanoseconds).
 * Loopback only; bounded: warm-up, then {@code 2 x pairs x window}.
 */
public final class HandshakePairs {

    private static final int MAX_IN_FLIGHT = 64;
    /** Time for a window's last cycles to end before its CPU is read. */
    private static final long SETTLE_MS = 200;

    private final URI[] targets;
    private final long[] pids;
    private final int rate;
    private final int pairs;
    private final long windowMs;
    private final long warmupMs;

    HandshakePairs(URI a, long aPid, URI b, long bPid, int rate, int pairs, long windowMs, long warmupMs) {
        this.targets = new URI[] {Loopback.require(a), Loopback.require(b)};
        this.pids = new long[] {aPid, bPid};
        this.rate = rate;
        this.pairs = pairs;
        this.windowMs = windowMs;
        this.warmupMs = warmupMs;
    }

    /**
     * Parses {@code --a URL --a-pid PID --b URL --b-pid PID [--rate R] [--pairs N] [--window MS] [--warmup S]}.
     *
     * @param args the flags after {@code handshake-pairs}
     * @return the comparison
     */
    public static HandshakePairs parse(List<String> args) {
        URI a = null;
        URI b = null;
        long aPid = -1;
        long bPid = -1;
        int rate = 4000;
        int pairs = 20;
        long window = 2000;
        long warmup = 15;
        for (int i = 0; i + 1 < args.size(); i += 2) {
            String v = args.get(i + 1);
            switch (args.get(i)) {
                case "--a" -> a = URI.create(v);
                case "--a-pid" -> aPid = Long.parseLong(v);
                case "--b" -> b = URI.create(v);
                case "--b-pid" -> bPid = Long.parseLong(v);
                case "--rate" -> rate = within("--rate", Integer.parseInt(v), 1, 20_000);
                case "--pairs" -> pairs = within("--pairs", Integer.parseInt(v), 1, 200);
                case "--window" -> window = within("--window", Integer.parseInt(v), 200, 10_000);
                case "--warmup" -> warmup = within("--warmup", Integer.parseInt(v), 0, 120);
                default -> throw new IllegalArgumentException("handshake-pairs: unknown flag " + args.get(i));
            }
        }
        if (a == null || b == null || aPid <= 0 || bPid <= 0 || args.size() % 2 != 0) {
            throw new IllegalArgumentException(
                    "handshake-pairs needs --a ws://127.0.0.1:P/ --a-pid PID --b ws://127.0.0.1:Q/ --b-pid PID");
        }
        return new HandshakePairs(a, aPid, b, bPid, rate, pairs, window, warmup * 1000);
    }

    private static int within(String flag, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException("handshake-pairs " + flag + " must be " + min + "-" + max + ", got "
                    + value);
        }
        return value;
    }

    /**
     * Runs the windows and prints their figures.
     *
     * @param out where the figures go
     * @return the median of B's CPU per handshake to A's, over the pairs
     * @throws InterruptedException if interrupted
     */
    public double run(PrintStream out) throws InterruptedException {
        out.printf("handshake-pairs: A %s (pid %d), B %s (pid %d), %d/s, %d pairs of %d ms windows%n",
                targets[0], pids[0], targets[1], pids[1], rate, pairs, windowMs);
        if (warmupMs > 0) {
            window(0, warmupMs);
            window(1, warmupMs);
        }
        List<Double> ratios = new ArrayList<>();
        double maxLoad = 0;
        for (int i = 0; i < pairs; i++) {
            Window[] pair = new Window[2];
            int first = i % 2; // A first in even pairs, B in odd ones: neither always follows the other
            pair[first] = window(first, windowMs);
            pair[1 - first] = window(1 - first, windowMs);
            double ratio = pair[1].cpuMsPer1k() / pair[0].cpuMsPer1k();
            ratios.add(ratio);
            maxLoad = Math.max(maxLoad, Math.max(pair[0].loadPercent(), pair[1].loadPercent()));
            out.printf("  pair %2d: A %.1f, B %.1f ms cpu per 1k handshakes (B/A %.3f; handshakes %d / %d,"
                            + " failed %d / %d)%n", i + 1, pair[0].cpuMsPer1k(), pair[1].cpuMsPer1k(), ratio,
                    pair[0].ok(), pair[1].ok(), pair[0].failed(), pair[1].failed());
        }
        Collections.sort(ratios);
        double median = ratios.get(ratios.size() / 2);
        out.printf("median B/A cpu per handshake %.3f (B: %.2fx A's handshakes per server cpu-s); quartiles %.3f-%.3f;"
                        + " load side at most %.0f %% of a core%n", median, 1 / median,
                ratios.get(ratios.size() / 4), ratios.get(ratios.size() * 3 / 4), maxLoad);
        return median;
    }

    /** One server's share of a window: its CPU, the handshakes it completed, the load side's CPU. */
    record Window(double cpuMsPer1k, long ok, long failed, double loadPercent) {
    }

    private Window window(int server, long ms) throws InterruptedException {
        try (LoadClient client = new LoadClient(targets[server], 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            long cpu0 = CpuClock.scheduledNanosOf(pids[server]);
            long load0 = CpuClock.self();
            long t0 = System.nanoTime();
            driver.startAtRate(rate, MAX_IN_FLIGHT);
            TimeUnit.MILLISECONDS.sleep(ms);
            driver.stop();
            TimeUnit.MILLISECONDS.sleep(SETTLE_MS);
            double seconds = (System.nanoTime() - t0) / 1e9;
            long cpu = CpuClock.scheduledNanosOf(pids[server]) - cpu0;
            double load = 100 * (CpuClock.self() - load0) / 1e9 / seconds;
            return new Window(cpu / 1e6 / Math.max(1, driver.ok()) * 1000, driver.ok(), driver.failed(), load);
        }
    }
}
