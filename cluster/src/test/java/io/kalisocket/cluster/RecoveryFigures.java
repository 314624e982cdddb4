package io.kalisocket.cluster;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Measures what connection recovery costs Redis in a cluster (docs/RECOVERY.md §7), against a private
 * {@code redis-server}: the append script per push (throughput pipelined on one connection, Redis CPU per call),
 * memory per stream, and the claim script per return. Not a test; run:
 * {@code java -cp <test classpath> io.kalisocket.cluster.RecoveryFigures [connections] [pushes each]}.
 */
public final class RecoveryFigures {

    private static final String PUSH = "{\"type\":\"say\",\"room\":\"r1\",\"from\":\"a-mx3k9a0b-1\",\"text\":\""
            + "x".repeat(40) + "\"}";

    private RecoveryFigures() {
    }

    /** @param args connections (default 1000), pushes per connection (default 100) @throws Exception on failure */
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int pushes = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        try (RedisServerProcess server = new RedisServerProcess()) {
            RedisClient raw = RedisClient.create(server.uri());
            RedisCommands<String, String> admin = raw.connect().sync();
            ClusterConfig config = ClusterConfig.of(server.uri());
            Keys keys = new Keys(config.keyPrefix());
            try (RedisLink link = new RedisLink(config, () -> { })) {
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < connections; i++) {
                    String id = "a-mx3k9a0b-" + Integer.toString(i, 36);
                    ids.add(id);
                    admin.hset(keys.streamMeta(id), Map.of("node", "a", "last", "0", "bytes", "0"));
                }
                long before = usedMemory(admin);
                admin.configResetstat();
                List<CompletableFuture<List<Object>>> pending = new ArrayList<>();
                long t0 = System.nanoTime();
                for (int seq = 1; seq <= pushes; seq++) {
                    for (String id : ids) {
                        pending.add(link.runOn(Script.APPEND, ScriptOutputType.MULTI, keys.streamKeys(id), "a",
                                Integer.toString(seq), "500", "524288", PUSH));
                        if (pending.size() >= 2000) {
                            pending.forEach(CompletableFuture::join);
                            pending.clear();
                        }
                    }
                }
                pending.forEach(CompletableFuture::join);
                long ms = Math.max(1, (System.nanoTime() - t0) / 1_000_000);
                long appends = (long) connections * pushes;
                System.out.printf("appends: %d (%d B pushes) in %d ms = %d /s pipelined on one connection; %s%n",
                        appends, PUSH.length(), ms, appends * 1000 / ms, evalsha(admin));
                System.out.printf("Redis memory per stream of %d pushes: %d B%n", pushes,
                        (usedMemory(admin) - before) / connections);
                ids.forEach(id -> admin.hset(keys.streamMeta(id), "parked", "1"));
                admin.configResetstat();
                List<CompletableFuture<List<Object>>> claims = new ArrayList<>();
                for (String id : ids) {
                    String[] record = keys.clientKeys(id);
                    String[] stream = keys.streamKeys(id);
                    claims.add(link.runOn(Script.CLAIM_STREAM, ScriptOutputType.MULTI, new String[] {record[0],
                        record[1], record[2], record[3], stream[0], stream[1]}, "b", Integer.toString(pushes / 2), id));
                }
                claims.forEach(CompletableFuture::join);
                System.out.printf("claims of %d connections, %d missed pushes each: %s%n", connections, pushes / 2,
                        evalsha(admin));
            }
            raw.shutdown();
        }
        System.exit(0);
    }

    private static String evalsha(RedisCommands<String, String> admin) {
        for (String line : admin.info("commandstats").split("\r?\n")) {
            if (line.startsWith("cmdstat_evalsha")) {
                return "redis " + line;
            }
        }
        return "no evalsha stats";
    }

    private static long usedMemory(RedisCommands<String, String> admin) {
        for (String line : admin.info("memory").split("\r?\n")) {
            if (line.startsWith("used_memory:")) {
                return Long.parseLong(line.substring("used_memory:".length()).trim());
            }
        }
        return 0;
    }
}
