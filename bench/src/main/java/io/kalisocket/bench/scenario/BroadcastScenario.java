package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.BroadcastDriver;
import io.kalisocket.bench.load.LoadClient;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/** {@code broadcast}: N members in one group, one sender pushing; deliveries per second. */
public final class BroadcastScenario implements Scenario {

    /** Default number of members. */
    public static final int CONNECTIONS = 10_000;

    private static final int WINDOW = 4;

    @Override
    public String name() {
        return "broadcast";
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        BroadcastDriver driver = new BroadcastDriver(WINDOW, options.messages());
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(20))) {
            List<Channel> members = client.openAll(n, i -> driver, Duration.ofSeconds(120));
            Connections.requireAll(members, n);
            members.forEach(driver::join);
            long joinEnd = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (driver.joined() < n && System.nanoTime() < joinEnd) {
                Thread.sleep(10);
            }
            if (driver.joined() < n) {
                throw new IllegalStateException("only " + driver.joined() + " of " + n + " members joined");
            }
            Channel sender = client.open(driver.senderListener()).sync().channel();
            driver.start(sender, n);
            Thread.sleep(options.warmup().toMillis());
            long d0 = driver.deliveries();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject.process());
            long end = t0 + options.duration().toNanos();
            while (!driver.finished() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            long d1 = driver.deliveries();
            double secs = (System.nanoTime() - t0) / 1e9;
            driver.stop();
            sender.close();
            LoadClient.closeAll(members, Duration.ofSeconds(20));
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("deliveries/s", (d1 - d0) / secs);
            figures.put("members", (double) n);
            figures.put("measured s", secs);
            cpu.end(figures, d1 - d0, "deliveries");
            return figures;
        }
    }
}
