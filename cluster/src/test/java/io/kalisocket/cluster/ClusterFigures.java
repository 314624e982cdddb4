package io.kalisocket.cluster;

import io.kalisocket.KaliServer;
import io.kalisocket.testing.TestClient;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Measures the per-operation figures {@code docs/CLUSTER.md} builds its estimate on, against a private
 * {@code redis-server}: Redis memory per connection with a uid and a group, Redis CPU per script (from
 * {@code INFO commandstats}), and cross-node {@code sendToUid} latency between two nodes in this JVM.
 * Not a test; run: {@code java -cp <test classpath> io.kalisocket.cluster.ClusterFigures [connections]}.
 */
public final class ClusterFigures {

    private ClusterFigures() {
    }

    /** @param args optional number of simulated connections (default 100000) @throws Exception on failure */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        try (RedisServerProcess redis = new RedisServerProcess()) {
            if (n > 0) {
                membership(redis.uri(), n);
            }
            latency(redis.uri());
        }
        System.exit(0);
    }

    private static void membership(String uri, int n) {
        RedisClient raw = RedisClient.create(uri);
        RedisCommands<String, String> admin = raw.connect().sync();
        ClusterConfig config = ClusterConfig.of(uri);
        Keys keys = new Keys(config.keyPrefix());
        try (RedisLink link = new RedisLink(config, () -> { })) {
            Membership m = new Membership(link, new NodeChannels(link, keys), keys, "n1", KaliServer.defaultMapper());
            long before = usedMemory(admin);
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ids.add("n1-mx3k9a0b-" + Integer.toString(i, 36));
            }
            long t0 = System.nanoTime();
            for (int from = 0; from < n; from += 1000) {
                m.register(ids.subList(from, Math.min(n, from + 1000)));
            }
            long registered = usedMemory(admin);
            List<CompletableFuture<Long>> writes = new ArrayList<>(n * 2);
            for (int i = 0; i < n; i++) {
                writes.add(m.bind(ids.get(i), "user" + i));
                writes.add(m.join(ids.get(i), "room" + (i % 1000)));
                if (writes.size() >= 2000) {
                    writes.forEach(CompletableFuture::join);
                    writes.clear();
                }
            }
            writes.forEach(CompletableFuture::join);
            long seconds = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
            long after = usedMemory(admin);
            System.out.printf("connections: %d; Redis memory per connection: registered %d B, + uid + 1 group %d B%n",
                    n, (registered - before) / n, (after - before) / n);
            System.out.printf("membership writes (pipelined, one client connection): %d ops in %d ms = %d ops/s%n",
                    n * 2L + n / 1000, seconds, (n * 2L) * 1000 / seconds);
            sendCost(link, keys, n);
            for (String line : admin.info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_evalsha") || line.startsWith("cmdstat_sadd")
                        || line.startsWith("cmdstat_publish")) {
                    System.out.println("redis " + line);
                }
            }
        }
        raw.shutdown();
    }

    private static void sendCost(RedisLink link, Keys keys, int n) {
        Membership m = new Membership(link, new NodeChannels(link, keys), keys, "n2", KaliServer.defaultMapper());
        Arrays.asList("n2-x-1").forEach(id -> m.register(List.of(id)));
        int sends = Math.min(n, 20_000);
        List<CompletableFuture<List<Object>>> all = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < sends; i++) {
            all.add(m.users().route("user" + i));
            if (all.size() >= 2000) {
                all.forEach(CompletableFuture::join);
                all.clear();
            }
        }
        all.forEach(CompletableFuture::join);
        long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
        System.out.printf("sendToUid lookup scripts (pipelined; the publish follows from the node): %d in %d ms = %d/s%n", sends, ms, sends * 1000L / ms);
    }

    private static void latency(String uri) throws InterruptedException {
        try (Nodes nodes = new Nodes(ClusterConfig.of(uri).withKeyPrefix("lat:"))) {
            Nodes.Node a = nodes.start("a");
            Nodes.Node b = nodes.start("b");
            TestClient onB = nodes.connect(b);
            b.gateway().bindUid(nodes.id(onB), "target");
            int warm = 2000;
            int count = 5000;
            long[] micros = new long[count];
            int seen = onB.received().size();
            for (int i = 0; i < warm + count; i++) {
                long t0 = System.nanoTime();
                a.gateway().sendToUid("target", "m" + i);
                onB.awaitMessages(++seen);
                long arrived = onB.arrivalNanos(seen - 1);
                if (i >= warm) {
                    micros[i - warm] = (arrived - t0) / 1000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("cross-node sendToUid -> client receipt, one at a time: p50 %d us, p99 %d us (n=%d)%n",
                    micros[count / 2], micros[count * 99 / 100], count);
            long[] local = new long[count];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                b.gateway().sendToUid("target", "l" + i);
                onB.awaitMessages(++seen);
                local[i] = (onB.arrivalNanos(seen - 1) - t0) / 1000;
            }
            Arrays.sort(local);
            System.out.printf("same sendToUid from the client's own node (Redis lookup, no publish): p50 %d us, p99 %d us%n",
                    local[count / 2], local[count * 99 / 100]);
            System.out.println("node stats: " + Map.of("a", a.gateway().stats().received(), "b",
                    b.gateway().stats().received()));
        }
    }

    private static long usedMemory(RedisCommands<String, String> admin) {
        for (String line : admin.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        throw new IllegalStateException("no used_memory");
    }

}
