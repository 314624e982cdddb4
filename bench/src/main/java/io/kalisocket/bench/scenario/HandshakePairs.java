package io.kalisocket.bench.scenario;

import io.kalisocket.bench.load.HandshakeDriver;
import io.kalisocket.bench.load.LoadClient;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code handshake-pairs}: two running servers ({@code --a URL --a-pid PID --b URL --b-pid PID}) take turns at the
 * same fixed rate of handshakes (connect, upgrade, close as a browser does), in windows of {@code --window} ms,
 * {@code --pairs} times ({@link AlternatingWindows}); reports each server's CPU per 1k handshakes in every window and
 * the median of B's to A's over the pairs. Loopback only; bounded: warm-up, then {@code 2 x pairs x window}.
 */
public final class HandshakePairs {

    private static final int MAX_IN_FLIGHT = 64;
    /** Time for a window's last cycles to end before its CPU is read. */
    private static final long SETTLE_MS = 200;

    private final PairsOptions options;

    private HandshakePairs(PairsOptions options) {
        this.options = options;
    }

    /**
     * Parses {@code --a URL --a-pid PID --b URL --b-pid PID [--rate R] [--pairs N] [--window MS] [--warmup S]}
     * (rate 4,000/s, at most 20,000; 20 pairs of 2,000 ms windows; 15 s of warm-up each).
     *
     * @param args the flags after {@code handshake-pairs}
     * @return the comparison
     */
    public static HandshakePairs parse(List<String> args) {
        return new HandshakePairs(PairsOptions.parse("handshake-pairs", args, 4000, 20_000, Map.of()));
    }

    /**
     * Runs the windows and prints their figures.
     *
     * @param out where the figures go
     * @return the median of B's CPU per handshake to A's, over the pairs
     * @throws InterruptedException if interrupted
     */
    public double run(PrintStream out) throws InterruptedException {
        return AlternatingWindows.compare(options, "handshakes", this::window, out);
    }

    private AlternatingWindows.Window window(int server, long ms) throws InterruptedException {
        try (LoadClient client = new LoadClient(options.targets().get(server), 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            AlternatingWindows.Meter meter = new AlternatingWindows.Meter(options.pids().get(server));
            driver.startAtRate(options.rate(), MAX_IN_FLIGHT);
            TimeUnit.MILLISECONDS.sleep(ms);
            driver.stop();
            TimeUnit.MILLISECONDS.sleep(SETTLE_MS);
            return meter.end(driver.ok(), driver.failed());
        }
    }
}
