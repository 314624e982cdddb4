package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.BroadcastDriver;
import io.kalisocket.bench.load.LoadClient;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Group fan-out, shared by {@code broadcast} and {@code cluster-fanout}: N members spread evenly over
 * the subject's nodes join one group, one sender on the first node pushes, and the deliveries every
 * member receives are counted.
 */
final class FanOut {

    /** Default broadcasts not yet delivered to every member (the sender waits beyond). */
    static final int WINDOW = 16;

    private FanOut() {
    }

    /**
     * Runs one fan-out measurement.
     *
     * @param subject  the nodes
     * @param options  warm-up and duration
     * @param members  how many members in total
     * @param messages broadcasts the sender pushes at most
     * @return deliveries/s, members, measured s and the CPU figures
     * @throws Exception if connections fail to open or to join
     */
    static LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options, int members, int messages)
            throws Exception {
        BroadcastDriver driver = new BroadcastDriver(options.windowOr(WINDOW), messages);
        List<LoadClient> clients = new ArrayList<>();
        List<Channel> joined = new ArrayList<>();
        try {
            int nodes = subject.nodes().size();
            for (int i = 0; i < nodes; i++) {
                LoadClient client = new LoadClient(subject.nodes().get(i).uri(), 1, Duration.ofSeconds(20));
                clients.add(client);
                int share = members / nodes + (i < members % nodes ? 1 : 0);
                List<Channel> open = client.openAll(share, k -> driver, Duration.ofSeconds(120));
                joined.addAll(open);
                Connections.requireAll(open, share);
            }
            joined.forEach(driver::join);
            long joinEnd = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (driver.joined() < members && System.nanoTime() < joinEnd) {
                Thread.sleep(10);
            }
            if (driver.joined() < members) {
                throw new IllegalStateException("only " + driver.joined() + " of " + members + " members joined");
            }
            Channel sender = clients.get(0).open(driver.senderListener()).sync().channel();
            driver.start(sender, members);
            double warmedUp = WarmUp.run(subject, options);
            long d0 = driver.deliveries();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject);
            long end = t0 + options.duration().toNanos();
            while (!driver.finished() && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            long d1 = driver.deliveries();
            double secs = (System.nanoTime() - t0) / 1e9;
            driver.stop();
            sender.close();
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("deliveries/s", (d1 - d0) / secs);
            figures.put("members", (double) members);
            figures.put("measured s", secs);
            cpu.end(figures, d1 - d0, "deliveries");
            figures.put("warm-up s", warmedUp);
            return figures;
        } finally {
            LoadClient.closeAll(joined, Duration.ofSeconds(20));
            clients.forEach(LoadClient::close);
        }
    }
}
