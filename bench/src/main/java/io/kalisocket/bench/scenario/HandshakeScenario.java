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
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            driver.start(options.connectionsOr(CONNECTIONS));
            double warmedUp = WarmUp.run(subject, options);
            long ok0 = driver.ok();
            long failed0 = driver.failed();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            long ok1 = driver.ok();
            long failed1 = driver.failed();
            double secs = (System.nanoTime() - t0) / 1e9;
            driver.stop();
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("handshakes/s", (ok1 - ok0) / secs);
            figures.put("failed/s (lower is better)", (failed1 - failed0) / secs);
            cpu.end(figures, ok1 - ok0, "handshakes");
            figures.put("warm-up s", warmedUp);
            return figures;
        }
    }

    private void measureRate(Subject subject, BenchOptions options, int rate, LinkedHashMap<String, Double> figures)
            throws Exception {
        String at = " @" + rate + "/s";
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(5))) {
            HandshakeDriver driver = new HandshakeDriver(client);
            driver.startAtRate(rate, options.connectionsOr(CONNECTIONS));
            double warmedUp = WarmUp.run(subject, options);
            long ok0 = driver.ok();
            long failed0 = driver.failed();
            long skipped0 = driver.skipped();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            long ok = driver.ok() - ok0;
            double secs = (System.nanoTime() - t0) / 1e9;
            cpu.endPer(figures, ok, "handshakes", at);
            driver.stop();
            figures.put("handshakes/s" + at, ok / secs);
            figures.put("failed/s" + at + " (lower is better)", (driver.failed() - failed0) / secs);
            // Starts due while N were in flight: the server (or the load side) did not keep up with the rate.
            figures.put("skipped/s" + at + " (lower is better)", (driver.skipped() - skipped0) / secs);
            figures.put("warm-up s" + at, warmedUp);
        }
    }
}
