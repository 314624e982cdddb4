package io.kalisocket.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Sentinel-managed Redis of the test's own: 1 primary, 1 replica and 3 sentinels (quorum 2, a primary is down
 * after 1 s) on free loopback ports, without persistence. Every wait is bounded; {@link #close} kills every process
 * it started and deletes its folder.
 */
final class LocalSentinelSet implements AutoCloseable {

    static final String MASTER = "kalimaster";
    private static final Duration START = Duration.ofSeconds(60);

    private final RedisProcesses processes;
    private final List<Integer> sentinels = new ArrayList<>();
    private int replica;
    private Process primary;

    private LocalSentinelSet(RedisProcesses processes) {
        this.processes = processes;
    }

    /** @return a started set whose sentinels know the primary, its replica and each other */
    static LocalSentinelSet start() {
        return RedisProcesses.launch("kali-redis-sentinel-", "a local Sentinel set", processes -> {
            LocalSentinelSet set = new LocalSentinelSet(processes);
            set.launch();
            return set;
        });
    }

    private void launch() throws IOException {
        List<Integer> free = RedisProcesses.freePorts(5);
        int primaryPort = free.get(0);
        replica = free.get(1);
        primary = processes.startServer(primaryPort, List.of());
        processes.startServer(replica, List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
        for (int i = 0; i < 3; i++) {
            int port = free.get(2 + i);
            sentinels.add(port);
            Path conf = processes.dir().resolve("sentinel-" + port + ".conf");
            Files.writeString(conf, String.join("\n", "port " + port, "bind 127.0.0.1", "dir " + processes.dir(),
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + primaryPort + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 3000", ""));
            processes.start(List.of("redis-sentinel", conf.toString()), "sentinel-" + port);
        }
        await().atMost(START).pollInterval(Duration.ofMillis(200))
                .until(() -> RedisProcesses.cli(replica, "info", "replication").contains("master_link_status:up"));
        for (int port : sentinels) {
            await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> {
                String master = RedisProcesses.cli(port, "sentinel", "master", MASTER);
                return master.contains("num-slaves\n1") && master.contains("num-other-sentinels\n2");
            });
        }
    }

    /** @return {@code redis-sentinel://127.0.0.1:S1,127.0.0.1:S2,127.0.0.1:S3/kalimaster} */
    String uri() {
        return "redis-sentinel://127.0.0.1:" + sentinels.get(0) + ",127.0.0.1:" + sentinels.get(1) + ",127.0.0.1:"
                + sentinels.get(2) + "/" + MASTER;
    }

    /** @return the port of the primary the sentinels name now */
    int primaryPort() {
        String[] answer = RedisProcesses.cli(sentinels.get(0), "sentinel", "get-master-addr-by-name", MASTER).trim()
                .split("\n");
        return Integer.parseInt(answer[answer.length - 1].trim());
    }

    /** @return the replica's port (the primary after a failover) */
    int replicaPort() {
        return replica;
    }

    /** Kills the first primary abruptly (SIGKILL). @throws InterruptedException when interrupted */
    void killPrimary() throws InterruptedException {
        primary.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        processes.close();
    }
}
