package io.kalisocket.bench.scenario;

import io.kalisocket.bench.BenchOptions;
import io.kalisocket.bench.load.ChurnDriver;
import io.kalisocket.bench.load.ChurnTally;
import io.kalisocket.bench.load.LoadClient;
import io.kalisocket.bench.load.Messages;
import io.kalisocket.bench.load.SteadyClient;
import io.kalisocket.bench.run.ServerProcess;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * {@code soak} (issue 18): N steady connections (uid bound, in a room, an echo every 5 s) and, beside them, churn at
 * {@code --rate} connections per second, each through connect, uid bind, group join, a say to its room, and close
 * (every fifth drops its TCP connection instead), for {@code --duration} (default 10 minutes). The server runs with
 * Netty's leak detector at its paranoid level. Figures: the server's heap after full GC at ten points of the run,
 * its growth, what the registries hold once every client has gone (connections, client ids, uids, groups: all
 * should be 0), and the {@code LEAK:} reports in the server's log.
 */
public final class SoakScenario implements Scenario {

    /** Default number of steady connections. */
    public static final int CONNECTIONS = 100;
    /** Default churn: connections started per second. */
    public static final int RATE = 50;
    /** Default length of the soak. */
    public static final Duration DURATION = Duration.ofMinutes(10);

    private static final int ROOMS = 10;
    private static final int SAMPLES = 10;
    private static final int MAX_CHURN_IN_FLIGHT = 500;
    private static final Duration ECHO_EVERY = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final double MIB = 1024.0 * 1024.0;

    @Override
    public String name() {
        return "soak";
    }

    @Override
    public List<String> serverJvmArgs() {
        return List.of("-Dio.netty.leakDetection.level=paranoid");
    }

    @Override
    public List<Setup> setups(BenchOptions options) {
        return List.of(new Setup("kali", 1, false, false, "soak"));
    }

    @Override
    public LinkedHashMap<String, Double> measure(Subject subject, BenchOptions options) throws Exception {
        ServerProcess server = subject.process()
                .orElseThrow(() -> new IllegalStateException("soak needs a server the runner started (heap, log)"));
        int n = options.connectionsOr(CONNECTIONS);
        int rate = options.rates().get(0);
        LinkedHashMap<String, Double> figures = new LinkedHashMap<>();
        ChurnTally steadyTally = new ChurnTally();
        ChurnTally churnTally = new ChurnTally();
        ByteBuf echo = Messages.echoRequest("say");
        double heapBefore = server.heapAfterGc() / MIB;
        try (LoadClient client = new LoadClient(subject.uri(), 1, Duration.ofSeconds(20))) {
            List<Channel> steady = client.openAll(n, i -> new SteadyClient("steady-" + i, "room-" + (i % ROOMS), echo,
                    ECHO_EVERY, steadyTally), WAIT);
            Connections.requireAll(steady, n);
            double[] heap = new double[SAMPLES + 1];
            try (ChurnDriver churn = new ChurnDriver(client, rate, ROOMS, MAX_CHURN_IN_FLIGHT, churnTally)) {
                Thread.sleep(options.warmup().toMillis());
                long interval = options.duration().toMillis() / SAMPLES;
                for (int i = 0; i <= SAMPLES; i++) {
                    if (i > 0) {
                        Thread.sleep(interval);
                    }
                    heap[i] = server.heapAfterGc() / MIB;
                    System.err.printf("[soak] %5.1f s: heap after GC %.1f MiB, churn %d completed, %d failed%n",
                            i * interval / 1000.0, heap[i], churnTally.completed(), churnTally.failed());
                    figures.put(String.format("heap after GC MiB at %.1f s", i * interval / 1000.0), heap[i]);
                }
                churn.stop(WAIT);
            }
            LoadClient.closeAll(steady, Duration.ofSeconds(20));
            awaitNoSockets(server);
            long[] left = server.registries();
            double heapAfter = server.heapAfterGc() / MIB;
            afterLastGc(client);
            figures.put("heap growth MiB, last sample - first (lower is better)", heap[SAMPLES] - heap[0]);
            figures.put("heap MiB after all closed - before any (lower is better)", heapAfter - heapBefore);
            figures.put("connections left (lower is better)", (double) left[0]);
            figures.put("client ids left (lower is better)", (double) left[1]);
            figures.put("uids left (lower is better)", (double) left[2]);
            figures.put("groups left (lower is better)", (double) left[3]);
            figures.put("Netty LEAK reports (lower is better)", (double) server.logLinesContaining("LEAK:"));
            figures.put("churn connections completed", (double) churnTally.completed());
            figures.put("churn connections failed (lower is better)", (double) churnTally.failed());
            figures.put("churn starts skipped, server behind (lower is better)", (double) churnTally.skipped());
            figures.put("error replies (lower is better)", (double) (churnTally.errors() + steadyTally.errors()));
            figures.put("pushes received", (double) (churnTally.pushes() + steadyTally.pushes()));
            return figures;
        }
    }

    private static void awaitNoSockets(ServerProcess server) throws IOException, InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (server.openSockets() > 0 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
    }

    /**
     * Netty's detector reports a leak only when it tracks a new buffer after the GC that found it: one more
     * connection and call after the last full GC brings out what that GC found.
     */
    private static void afterLastGc(LoadClient client) throws InterruptedException {
        ChurnTally last = new ChurnTally();
        Channel probe = client.openAll(1, i -> new SteadyClient("probe", "probe", Messages.echoRequest("say"),
                Duration.ofMillis(10), last), WAIT).stream().findFirst().orElse(null);
        if (probe != null) {
            Thread.sleep(200);
            LoadClient.closeAll(List.of(probe), Duration.ofSeconds(5));
        }
    }
}
