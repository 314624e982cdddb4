package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.EchoDriver;
import io.kalisocket.bench.load.LoadClient;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/** {@code echo}: N connections each keeping a window of requests in flight; replies per second. */
public final class EchoScenario implements Scenario {

    /** Default number of connections. */
    public static final int CONNECTIONS = 100;

    /** Default requests in flight per connection. */
    public static final int WINDOW = 16;

    @Override
    public String name() {
        return "echo";
    }

    @Override
    public boolean measuresInline() {
        return true;
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        EchoDriver driver = new EchoDriver(subject.action(), options.windowOr(WINDOW));
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(10))) {
            List<Channel> open = Connections.openAll(client, n, driver);
            double warmedUp = WarmUp.run(subject, options);
            long c0 = driver.ok();
            long e0 = driver.errors();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            long c1 = driver.ok();
            long e1 = driver.errors();
            double secs = (System.nanoTime() - t0) / 1e9;
            driver.stop();
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("replies/s", (c1 - c0) / secs);
            figures.put("error replies/s", (e1 - e0) / secs);
            cpu.end(figures, c1 - c0, "replies");
            figures.put("warm-up s", warmedUp);
            LoadClient.closeAll(open, Duration.ofSeconds(5));
            return figures;
        }
    }
}
