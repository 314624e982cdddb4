package io.kalisocket.cluster;

import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures for docs/CLUSTER.md on a local Redis Cluster (3 primaries + 3 replicas, started and stopped here): Redis
 * CPU per cross-node {@code sendToUid} on each shard — the one serving the application's keys, the one serving the
 * user's hash (the lookups) and the one serving the receiving node's channel (the publishes), chosen to differ — with
 * and without the near cache, and
 * the latency of such a send (sender's call to the receiving client's arrival), one at a time.
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
        ClusterConfig settings = config.withNodeTtl(Duration.ofMinutes(1));
        Keys keys = Keys.of(settings);
        int keysShard = redis.primaryOf(keys.nodes());
        String receiver = "b";
        for (int i = 0; redis.primaryOf(keys.channel(receiver)) == keysShard; i++) {
            receiver = "b" + i;
        }
        int channelShard = redis.primaryOf(keys.channel(receiver));
        String uid = "target"; // its hash on the third primary: the lookups' shard
        for (int i = 0; redis.primaryOf(keys.uid(uid)) == keysShard || redis.primaryOf(keys.uid(uid)) == channelShard;
                i++) {
            uid = "target" + i;
        }
        int userShard = redis.primaryOf(keys.uid(uid));
        try (Nodes nodes = new Nodes(settings)) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start(receiver);
            TestClient onB = nodes.connect(b);
            b.gateway().bindUid(nodes.id(onB), uid);
            int seen = onB.received().size();
            for (int i = 0; i < 1000; i++) { // warm-up
                a.gateway().sendToUid(uid, "w" + i);
                onB.awaitMessages(++seen);
            }
            double keysCpu = cpuSeconds(redis, keysShard);
            double channelCpu = cpuSeconds(redis, channelShard);
            double userCpu = cpuSeconds(redis, userShard);
            long[] micros = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                a.gateway().sendToUid(uid, "m" + i);
                onB.awaitMessages(++seen);
                micros[i] = (onB.arrivalNanos(seen - 1) - t0) / 1000;
            }
            keysCpu = cpuSeconds(redis, keysShard) - keysCpu;
            channelCpu = cpuSeconds(redis, channelShard) - channelCpu;
            userCpu = cpuSeconds(redis, userShard) - userCpu;
            Arrays.sort(micros);
            System.out.printf("%s: Redis CPU per cross-node sendToUid: keys' shard (127.0.0.1:%d) %.1f us, user's shard"
                    + " (127.0.0.1:%d) %.1f us, receiver's channel's shard (127.0.0.1:%d) %.1f us; p50 %d us, p99 %d us"
                    + " (n=%d)%n", label, keysShard, keysCpu * 1e6 / count, userShard, userCpu * 1e6 / count,
                    channelShard, channelCpu * 1e6 / count, micros[count / 2], micros[count * 99 / 100], count);
            System.out.println("  keys' shard commandstats: " + stats(redis.cli(keysShard, "info", "commandstats")));
            System.out.println("  user's shard commandstats: " + stats(redis.cli(userShard, "info", "commandstats")));
            System.out.println("  channel's shard commandstats: "
                    + stats(redis.cli(channelShard, "info", "commandstats")));
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
