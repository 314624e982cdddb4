package io.kalisocket.cluster;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures for docs/CLUSTER.md on a local Redis Cluster (3 primaries + 3 replicas, started and stopped here): Redis
 * CPU per cross-node {@code sendToUid} on the shard serving the cluster's slot, with and without the near cache,
 * and the latency of such a send (sender's call to the receiving client's arrival), one at a time.
 * Run: {@code java -cp ... io.kalisocket.cluster.ShardFigures [messages]} (docs/CLUSTER.md, "Measured figures").
 */
public final class ShardFigures {

    private ShardFigures() {
    }

    /** @param args optional: how many messages per measurement (default 5000) @throws Exception when it fails */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        try (LocalRedisCluster redis = LocalRedisCluster.start()) {
            measure(redis, "near cache on", ClusterConfig.of(redis.uri()).withKeyPrefix("fig-on:"), count);
            measure(redis, "near cache off", ClusterConfig.of(redis.uri()).withKeyPrefix("fig-off:")
                    .withNearCacheTtl(Duration.ZERO), count);
        }
    }

    private static void measure(LocalRedisCluster redis, String label, ClusterConfig config, int count)
            throws Exception {
        try (Nodes nodes = new Nodes(config.withNodeTtl(Duration.ofMinutes(1)))) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient onB = nodes.connect(b);
            b.gateway().bindUid(nodes.id(onB), "target");
            int shard = redis.primaryOf(Keys.of(nodes.config()).nodes());
            int seen = onB.received().size();
            for (int i = 0; i < 1000; i++) { // warm-up
                a.gateway().sendToUid("target", "w" + i);
                onB.awaitMessages(++seen);
            }
            double cpu0 = cpuSeconds(redis, shard);
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                a.gateway().sendToUid("target", "m" + i);
                onB.awaitMessages(++seen);
                micros[i] = (onB.arrivalNanos(seen - 1) - t0) / 1000;
            }
            double cpu = cpuSeconds(redis, shard) - cpu0;
            Arrays.sort(micros);
            System.out.printf("%s: shard 127.0.0.1:%d Redis CPU %.1f us per cross-node sendToUid; "
                    + "p50 %d us, p99 %d us (n=%d)%n", label, shard, cpu * 1e6 / count, micros[count / 2],
                    micros[count * 99 / 100], count);
            System.out.println("  commandstats: " + stats(redis.cli(shard, "info", "commandstats")));
        }
    }

    private static double cpuSeconds(LocalRedisCluster redis, int port) {
        String info = redis.cli(port, "info", "cpu");
        return value(info, "used_cpu_user") + value(info, "used_cpu_sys");
    }

    private static double value(String info, String name) {
        Matcher m = Pattern.compile(name + ":([0-9.]+)").matcher(info);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String stats(String commandstats) {
        StringBuilder out = new StringBuilder();
        Matcher m = Pattern.compile("cmdstat_(evalsha|eval|spublish|publish):calls=(\\d+),usec=\\d+,usec_per_call=([0-9.]+)")
                .matcher(commandstats);
        while (m.find()) {
            out.append(m.group(1)).append(' ').append(m.group(2)).append(" calls ").append(m.group(3))
                    .append(" us/call; ");
        }
        return out.toString();
    }
}
