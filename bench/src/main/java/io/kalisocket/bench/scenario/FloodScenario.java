package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.FloodDriver;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.run.ServerProcess;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * {@code flood}: N connections pipelining without a window ({@link FloodDriver}); only {@code code:0} replies count
 * as throughput. Also the share of {@code 503} and {@code 429} replies among all replies, the server's RSS growth
 * over the flood, and its live heap while the flood still runs (after a full GC, taken once the figures are
 * read): what the server holds for the flood, queued calls and unsent replies, which stays within its
 * per-connection bounds when it slows the flood down instead of buffering it. RSS alone cannot show that: under
 * allocation pressure the collector grows the heap towards its maximum whatever is live.
 */
public final class FloodScenario implements Scenario {

    /** Default number of connections. */
    public static final int CONNECTIONS = 100;

    @Override
    public String name() {
        return "flood";
    }

    @Override
    public boolean measuresInline() {
        return true;
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        int n = options.connectionsOr(CONNECTIONS);
        Optional<ServerProcess> server = subject.process();
        long rss0 = server.isPresent() ? server.get().rssBytes() : 0;
        FloodDriver driver = new FloodDriver(subject.action());
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(10))) {
            List<Channel> open = Connections.openAll(client, n, driver);
            double warmedUp = WarmUp.run(subject, options);
            long ok0 = driver.ok();
            long busy0 = driver.busy();
            long limited0 = driver.limited();
            long other0 = driver.otherErrors();
            long t0 = System.nanoTime();
            CpuWindow cpu = new CpuWindow(subject);
            Thread.sleep(options.duration().toMillis());
            long ok = driver.ok() - ok0;
            long busy = driver.busy() - busy0;
            long limited = driver.limited() - limited0;
            long other = driver.otherErrors() - other0;
            double secs = (System.nanoTime() - t0) / 1e9;
            LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
            figures.put("successful replies/s", ok / secs);
            cpu.end(figures, ok, "successful replies");
            long replies = Math.max(1, ok + busy + limited + other);
            figures.put("503 share %", 100.0 * busy / replies);
            figures.put("429 share %", 100.0 * limited / replies);
            figures.put("other error share %", 100.0 * other / replies);
            if (server.isPresent()) {
                figures.put("server RSS growth MiB (lower is better)",
                        (server.get().rssBytes() - rss0) / 1024.0 / 1024.0);
                figures.put("server live heap under the flood MiB (lower is better)",
                        server.get().heapAfterGc() / 1024.0 / 1024.0);
            }
            figures.put("warm-up s", warmedUp);
            driver.stop();
            LoadClient.closeAll(open, Duration.ofSeconds(10));
            return figures;
        }
    }
}
