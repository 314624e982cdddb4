package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.RateDriver;
import io.kalisocket.bench.run.ServerProcess;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/** The figures of a fixed-rate run ({@code latency}, {@code cluster-uid}), after a bounded drain. */
final class RateFigures {

    private static final Duration DRAIN = Duration.ofSeconds(3);
    /** The latency bar of issue 6: the share of replies above it, and where in time they fall, are reported. */
    private static final long LATE_MILLIS = 2;

    private RateFigures() {
    }

    /** One fixed-rate measurement, adding its figures. */
    @FunctionalInterface
    interface AtRate {
        void measure(int rate, LinkedHashMap<String, Double> figures) throws Exception;
    }

    /**
     * Runs a measurement at each {@code --rate} in turn, on the same servers.
     *
     * @param options the rates
     * @param atRate  the measurement
     * @return every rate's figures, in order
     * @throws Exception if a measurement fails
     */
    static LinkedHashMap<String, Double> eachRate(BenchOptions options, AtRate atRate) throws Exception {
        LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
        for (int rate : options.rates()) {
            atRate.measure(rate, figures);
        }
        return figures;
    }

    /**
     * Waits (at most 3 s) for the answers to the window's messages, stops the driver, and adds p50, p99,
     * p99.9 and max in milliseconds, the share of replies over 2 ms and how many 100 ms slices of the window held
     * one, the messages lost or late, and the error replies.
     *
     * @param driver  the driver, its measurement window over
     * @param rate    its rate, for the figure names
     * @param figures where to add
     * @throws InterruptedException if interrupted while draining
     */
    static void drainAndPut(RateDriver driver, int rate, Map<String, Double> figures) throws InterruptedException {
        long drainEnd = System.nanoTime() + DRAIN.toNanos();
        while (driver.received() < driver.sentMeasured() && System.nanoTime() < drainEnd) {
            Thread.sleep(10);
        }
        driver.stop();
        Histogram h = driver.histogram();
        String at = " ms @" + rate + "/s (lower is better)";
        boolean any = h.getTotalCount() > 0; // percentiles of the answers that came back in time
        figures.put("p50" + at, any ? h.getValueAtPercentile(50) / 1e6 : Double.NaN);
        figures.put("p99" + at, any ? h.getValueAtPercentile(99) / 1e6 : Double.NaN);
        figures.put("p99.9" + at, any ? h.getValueAtPercentile(99.9) / 1e6 : Double.NaN);
        figures.put("max" + at, any ? h.getMaxValue() / 1e6 : Double.NaN);
        long late = TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS);
        figures.put("% over " + LATE_MILLIS + " ms @" + rate + "/s (lower is better)",
                any ? 100.0 * h.getCountBetweenValues(late + 1, Long.MAX_VALUE) / h.getTotalCount() : Double.NaN);
        figures.put("100-ms slices (of " + driver.windows() + ") with one over " + LATE_MILLIS + " ms @" + rate
                + "/s (lower is better)", (double) driver.windowsOver(late));
        figures.put("generator's send lag p99" + at, p99Millis(driver.sendLag()));
        figures.put("lost or late @" + rate + "/s (lower is better)",
                (double) (driver.sentMeasured() - driver.received()));
        figures.put("errors @" + rate + "/s (lower is better)", (double) driver.errors());
    }

    /**
     * Adds when the window's requests reached the server's handler, as the server measured it: p99 from the intended
     * send time (comparable with the client's p99, less the way back) and from the actual send (the way in only:
     * loopback and the server's wake-up and read path), and the share over 2 ms from the intended time.
     *
     * @param arrivals the server's histograms of the window
     * @param rate     its rate, for the figure names
     * @param figures  where to add
     */
    static void putArrivals(ServerProcess.Arrivals arrivals, int rate, Map<String, Double> figures) {
        String at = " ms @" + rate + "/s (lower is better)";
        Histogram intended = arrivals.fromIntended();
        figures.put("server: arrival p99, from intended send" + at, p99Millis(intended));
        String lateShare = "server: arrival % over " + LATE_MILLIS + " ms, from intended send @" + rate
                + "/s (lower is better)";
        figures.put(lateShare, intended.getTotalCount() > 0 ? 100.0 * intended.getCountBetweenValues(
                TimeUnit.MILLISECONDS.toNanos(LATE_MILLIS) + 1, Long.MAX_VALUE) / intended.getTotalCount()
                : Double.NaN);
        figures.put("server: arrival p99, from actual send" + at, p99Millis(arrivals.fromSent()));
        figures.put("server: arrival max, from actual send" + at,
                arrivals.fromSent().getTotalCount() > 0 ? arrivals.fromSent().getMaxValue() / 1e6 : Double.NaN);
    }

    private static double p99Millis(Histogram h) {
        return h.getTotalCount() > 0 ? h.getValueAtPercentile(99) / 1e6 : Double.NaN;
    }
}
