package io.kalisocket.bench.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The bench's own {@code redis-server} for the cluster scenarios: a free loopback port, no persistence,
 * pinned by the same command prefix as the servers, killed at the end of the run.
 */
public final class RedisProcess implements OwnRedis {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts {@code redis-server} (found on the PATH) and waits until it accepts connections.
     *
     * @param prefix command prefix (taskset), may be empty
     * @return the running Redis
     * @throws IOException if it cannot start or does not accept within 20 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    public static RedisProcess start(List<String> prefix) throws IOException, InterruptedException {
        return start(prefix, List.of());
    }

    /**
     * Starts {@code redis-server} (found on the PATH) with more options and waits until it accepts connections.
     *
     * @param prefix  command prefix (taskset), may be empty
     * @param options more {@code redis-server} options, e.g. {@code --cluster-enabled yes}
     * @return the running Redis
     * @throws IOException if it cannot start or does not accept within 20 seconds
     * @throws InterruptedException if interrupted while waiting
     */
    static RedisProcess start(List<String> prefix, List<String> options) throws IOException, InterruptedException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        cmd.addAll(options);
        Path log = Files.createTempFile("kalisocket-bench-redis-", ".log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long end = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < end && p.isAlive()) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return new RedisProcess(p, port);
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        throw new IOException("redis-server did not accept on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /**
     * Its port on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * Where it listens.
     *
     * @return {@code redis://127.0.0.1:PORT}
     */
    @Override
    public URI uri() {
        return URI.create("redis://127.0.0.1:" + port);
    }

    /**
     * Its process id, to read its CPU time.
     *
     * @return the pid
     */
    public long pid() {
        return process.pid();
    }

    @Override
    public List<Long> pids() {
        return List.of(pid());
    }

    /** Kills it and waits (bounded) until it is gone. */
    @Override
    public void close() {
        try {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
