package io.kalisocket.bench.run;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The bench's own Redis Cluster ({@code --redis local-cluster}): 3 primaries without replicas (a replica would
 * only add its own CPU to what is measured), each a {@link RedisProcess} with {@code --cluster-enabled yes},
 * joined by {@code redis-cli --cluster create}, pinned by the same command prefix as the servers, killed at the
 * end of the run. Every wait is bounded.
 */
final class RedisClusterProcess implements OwnRedis {

    private static final int PRIMARIES = 3;
    private static final Duration READY = Duration.ofSeconds(60);

    private final List<RedisProcess> primaries;
    private final Path dir;

    private RedisClusterProcess(List<RedisProcess> primaries, Path dir) {
        this.primaries = primaries;
        this.dir = dir;
    }

    /**
     * Starts the primaries, joins them and waits until every one says the cluster is ok.
     *
     * @param prefix command prefix (taskset), may be empty
     * @return the running cluster
     * @throws IOException if a server does not start or the cluster is not ok within 60 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    static RedisClusterProcess start(List<String> prefix) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kalisocket-bench-redis-cluster-");
        List<RedisProcess> primaries = new ArrayList<>();
        RedisClusterProcess cluster = new RedisClusterProcess(primaries, dir);
        try {
            for (int i = 0; i < PRIMARIES; i++) {
                // nodes.conf is the cluster's own state file: one per server, in the run's folder
                primaries.add(RedisProcess.start(prefix, List.of("--cluster-enabled", "yes", "--dir", dir.toString(),
                        "--cluster-config-file", "nodes-" + i + ".conf")));
            }
            List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
            primaries.forEach(p -> create.add("127.0.0.1:" + p.port()));
            create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
            String out = run(create);
            if (!out.contains("All 16384 slots covered")) {
                throw new IOException("redis-cli --cluster create said: " + out);
            }
            cluster.awaitOk();
            return cluster;
        } catch (IOException | InterruptedException | RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private void awaitOk() throws IOException, InterruptedException {
        long end = System.nanoTime() + READY.toNanos();
        for (RedisProcess p : primaries) {
            while (!run(List.of("redis-cli", "-p", Integer.toString(p.port()), "cluster", "info"))
                    .contains("cluster_state:ok")) {
                if (System.nanoTime() > end) {
                    throw new IOException("the bench's Redis Cluster was not ok within " + READY.toSeconds() + " s");
                }
                Thread.sleep(100);
            }
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(READY.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** @return {@code redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3} */
    @Override
    public URI uri() {
        return URI.create("redis-cluster://" + primaries.stream().map(p -> "127.0.0.1:" + p.port())
                .collect(Collectors.joining(",")));
    }

    @Override
    public List<Long> pids() {
        return primaries.stream().map(RedisProcess::pid).toList();
    }

    @Override
    public void close() {
        primaries.forEach(RedisProcess::close);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
