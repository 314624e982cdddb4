package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.RateDriver;
import io.kalisocket.bench.run.ServerProcess;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code latency}: a fixed total rate over N connections (each rate in turn); p50, p99, p99.9
 * and max in milliseconds, counted from the intended send time (see {@link RateDriver}); the server's CPU per 1k
 * messages answered and the load side's CPU, so that a server is judged by the cost of a message at the same rate.
 */
public final class LatencyScenario implements Scenario {

    /** Default number of connections. */
    public static final int CONNECTIONS = 100;

    @Override
    public String name() {
        return "latency";
    }

    @Override
    public boolean measuresInline() {
        return true;
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        return RateFigures.eachRate(options, (rate, figures) -> measureRate(subject, options, rate, figures));
    }

    private void measureRate(Subject subject, BenchOptions options, int rate, LinkedHashMap<String, Double> figures)
            throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        RateDriver driver = new RateDriver(subject.action(), rate);
        // Pinned, the load has a core of its own: its loop spins, so that sends leave when due (see Transport).
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(10), options.pin())) {
            List<Channel> open = Connections.openAll(client, n, driver);
            driver.start(open);
            double warmedUp = WarmUp.run(subject, options);
            Optional<ServerProcess> server = subject.process();
            if (server.isPresent()) {
                server.get().arrivals(); // starts the server's interval with the window
            }
            long end = System.nanoTime() + options.duration().toNanos();
            driver.measure(end);
            CpuWindow cpu = new CpuWindow(subject);
            long answered0 = driver.answered(); // code:0 replies only: error replies are counted apart
            Thread.sleep(options.duration().toMillis());
            long answered = driver.answered() - answered0;
            RateFigures.drainAndPut(driver, rate, figures);
            cpu.endPerMessage(figures, answered, " @" + rate + "/s");
            if (server.isPresent()) {
                RateFigures.putArrivals(server.get().arrivals(), rate, figures);
            }
            figures.put("warm-up s @" + rate + "/s", warmedUp);
            LoadClient.closeAll(open, Duration.ofSeconds(5));
        }
    }
}
