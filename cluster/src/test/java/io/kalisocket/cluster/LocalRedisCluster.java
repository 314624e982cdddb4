package io.kalisocket.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Redis Cluster of the tests' own: 3 primaries and 3 replicas ({@code redis-server --cluster-enabled yes} on free
 * loopback ports, joined by {@code redis-cli --cluster create}), without persistence; a replica takes over whatever
 * its replication lag (validity factor 0), after the node timeout given (1 s in the failover test). Every wait is
 * bounded; {@link #close} kills every process it started and deletes its folder. Public, in this module's test-jar,
 * for the demo's tests of nodes on a Redis Cluster.
 */
public final class LocalRedisCluster implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(60);

    private final RedisProcesses processes;
    private final List<Integer> ports = new ArrayList<>();
    private final List<Process> servers = new ArrayList<>();

    private final Duration nodeTimeout;

    private LocalRedisCluster(RedisProcesses processes, Duration nodeTimeout) {
        this.processes = processes;
        this.nodeTimeout = nodeTimeout;
    }

    /**
     * @return a started, healthy cluster for tests that kill nothing: a node timeout of 5 s, so that a machine
     *     starved of CPU does not make its nodes fail each other over
     */
    public static LocalRedisCluster start() {
        return start(Duration.ofSeconds(5));
    }

    /**
     * @param nodeTimeout how long a primary may be silent before its replica takes over ({@code cluster-node-timeout})
     * @return a started, healthy cluster
     * @throws IllegalStateException when it cannot be made in time
     */
    public static LocalRedisCluster start(Duration nodeTimeout) {
        return RedisProcesses.launch("kali-redis-cluster-", "a local Redis Cluster", processes -> {
            LocalRedisCluster cluster = new LocalRedisCluster(processes, nodeTimeout);
            cluster.launch();
            return cluster;
        });
    }

    private void launch() throws IOException {
        List<Integer> free = RedisProcesses.freePorts(12);
        for (int i = 0; i < 6; i++) {
            int port = free.get(i);
            ports.add(port);
            servers.add(processes.startServer(port, List.of("--cluster-port", Integer.toString(free.get(6 + i)),
                    "--cluster-enabled", "yes", "--cluster-config-file", "nodes-" + port + ".conf",
                    "--cluster-node-timeout", Long.toString(nodeTimeout.toMillis()),
                    "--cluster-replica-validity-factor", "0")));
        }
        for (int port : ports) {
            await().atMost(START).until(() -> cli(port, "ping").contains("PONG"));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        ports.forEach(p -> create.add("127.0.0.1:" + p));
        create.addAll(List.of("--cluster-replicas", "1", "--cluster-yes"));
        String out = RedisProcesses.run(create);
        if (!out.contains("All 16384 slots covered")) {
            throw new IllegalStateException("redis-cli --cluster create said: " + out);
        }
        awaitHealthy();
    }

    /** Waits until every live node says the cluster is ok and every replica is in sync with its primary. */
    public void awaitHealthy() {
        await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> live().stream()
                .allMatch(p -> cli(p, "cluster", "info").contains("cluster_state:ok")
                        && (!cli(p, "role").startsWith("slave")
                                || cli(p, "info", "replication").contains("master_link_status:up"))));
    }

    /** @return {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3} over the first three nodes */
    public String uri() {
        return "redis-cluster://127.0.0.1:" + ports.get(0) + ",127.0.0.1:" + ports.get(1) + ",127.0.0.1:"
                + ports.get(2);
    }

    /**
     * @param config the settings of KaliSocket nodes on this cluster
     * @return the port of the primary that holds the nodes' registry now; with the key prefix hash-tagged (as on a
     *     Redis Cluster) every key and channel of theirs is on it: the one to kill to disturb them
     */
    public int primaryOf(ClusterConfig config) {
        return primaryOf(Keys.of(config).nodes());
    }

    /** @param key a key @return the port of the primary that serves its slot now */
    public int primaryOf(String key) {
        int slot = Integer.parseInt(cli(live().get(0), "cluster", "keyslot", key).trim());
        for (int port : live()) {
            if (servesSlot(port, slot)) {
                return port;
            }
        }
        throw new IllegalStateException("no primary serves slot " + slot);
    }

    private boolean servesSlot(int port, int slot) {
        for (String line : cli(port, "cluster", "nodes").split("\n")) {
            if (line.contains("myself") && line.contains("master")) {
                String[] parts = line.trim().split(" ");
                for (int i = 8; i < parts.length; i++) {
                    if (parts[i].startsWith("[")) {
                        continue; // a slot being migrated
                    }
                    String[] range = parts[i].split("-");
                    int from = Integer.parseInt(range[0]);
                    int to = range.length > 1 ? Integer.parseInt(range[1]) : from;
                    if (slot >= from && slot <= to) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * @param channels sharded channels
     * @return each live node's role, the slots it serves and its subscribers to each channel, on one line: what a
     *     failed failover test prints
     */
    public String describe(String... channels) {
        StringBuilder out = new StringBuilder();
        for (int port : live()) {
            String myself = cli(port, "cluster", "nodes").lines().filter(l -> l.contains("myself")).findFirst()
                    .orElse("?");
            String[] parts = myself.trim().split(" ");
            out.append(port).append(' ').append(parts.length > 2 ? parts[2] : "?").append(" slots ")
                    .append(parts.length > 8 ? String.join(",", Arrays.copyOfRange(parts, 8, parts.length))
                            : "none");
            for (String channel : channels) {
                String[] numsub = cli(port, "pubsub", "shardnumsub", channel).trim().split("\n");
                out.append(' ').append(channel).append('=').append(numsub[numsub.length - 1].trim());
            }
            out.append("; ");
        }
        return out.toString();
    }

    /**
     * Waits until the primary's replica has applied everything the primary had written when this was called.
     *
     * @param primary a primary's port
     */
    public void awaitReplicated(int primary) {
        long written = offset(cli(primary, "info", "replication"), "master_repl_offset:");
        await().atMost(START).pollInterval(Duration.ofMillis(50))
                .until(() -> offset(cli(primary, "info", "replication"), ",offset=") >= written);
    }

    /** @return the number after {@code label} in an INFO answer, -1 when absent */
    private static long offset(String info, String label) {
        int at = info.indexOf(label);
        if (at < 0) {
            return -1;
        }
        int from = at + label.length();
        int to = from;
        while (to < info.length() && Character.isDigit(info.charAt(to))) {
            to++;
        }
        return Long.parseLong(info.substring(from, to));
    }

    /** @param port a node to kill abruptly (SIGKILL) @throws InterruptedException when interrupted meanwhile */
    public void kill(int port) throws InterruptedException {
        servers.get(ports.indexOf(port)).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** @return the ports of the nodes still running */
    public List<Integer> live() {
        List<Integer> alive = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            if (servers.get(i).isAlive()) {
                alive.add(ports.get(i));
            }
        }
        return alive;
    }

    /** @param port a node @param args a command @return what {@code redis-cli} printed, empty when it failed */
    public String cli(int port, String... args) {
        return RedisProcesses.cli(port, args);
    }

    @Override
    public void close() {
        processes.close();
    }
}
