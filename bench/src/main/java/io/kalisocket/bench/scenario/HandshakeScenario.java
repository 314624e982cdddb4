package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.HandshakeDriver;
import io.kalisocket.bench.load.LoadClient;
import java.time.Duration;
import java.util.LinkedHashMap;

/**
 * {@code handshake}: N concurrent connect + upgrade + close loops; handshakes per second. With {@code --rate}, each
 * rate in turn: handshakes started on a clock (at most N in flight), so every server handles the same load, and the
 * server's CPU per 1k handshakes at that rate compares them whether or not the closed loops saturate the load side.
 */
public final class HandshakeScenario implements Scenario {

    /** Default number of concurrent loops. */
    public static final int CONNECTIONS = 32;

    @Override
    public String name() {
        return "handshake";
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        if (!options.rates().isEmpty()) {
            return RateFigures.eachRate(options, (rate, figures) -> measureRate(subject, options, rate, figures));
        }
        LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            driver.start(options.connectionsOr(CONNECTIONS));
            double warmedUp = WarmUp.run(subject, options);
            Counts start = Counts.of(driver);
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            Counts done = Counts.of(driver).since(start);
            cpu.end(figures, done.ok(), "handshakes");
            driver.stop();
            figures.put("handshakes/s", done.perSecond(done.ok()));
            figures.put("failed/s (lower is better)", done.perSecond(done.failed()));
            figures.put("warm-up s", warmedUp);
        }
        return figures;
    }

    private void measureRate(Subject subject, BenchOptions options, int rate, LinkedHashMap<String, Double> figures)
            throws Exception {
        String at = " @" + rate + "/s";
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            driver.startAtRate(rate, options.connectionsOr(CONNECTIONS));
            double warmedUp = WarmUp.run(subject, options);
            Counts start = Counts.of(driver);
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            Counts done = Counts.of(driver).since(start);
            cpu.endPer(figures, done.ok(), "handshakes", at);
            driver.stop();
            figures.put("handshakes/s" + at, done.perSecond(done.ok()));
            figures.put("failed/s" + at + " (lower is better)", done.perSecond(done.failed()));
            // Starts due while N were in flight: the server (or the load side) did not keep up with the rate.
            figures.put("skipped/s" + at + " (lower is better)", done.perSecond(done.skipped()));
            figures.put("warm-up s" + at, warmedUp);
        }
    }

    /** The driver's counts at one moment, or over a window ({@link #since}). */
    private record Counts(long ok, long failed, long skipped, long nanos) {
        static Counts of(HandshakeDriver driver) {
            return new Counts(driver.ok(), driver.failed(), driver.skipped(), System.nanoTime());
        }

        Counts since(Counts start) {
            return new Counts(ok - start.ok, failed - start.failed, skipped - start.skipped, nanos - start.nanos);
        }

        double perSecond(long count) {
            return count / (nanos / 1e9);
        }
    }
}
