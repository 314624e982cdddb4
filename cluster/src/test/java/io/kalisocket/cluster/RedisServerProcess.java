package io.kalisocket.cluster;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

/** A {@code redis-server} of the test's own, on a free loopback port, without persistence, to kill and restart. */
final class RedisServerProcess implements AutoCloseable {

    private final int port;
    private Process process;

    RedisServerProcess() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            this.port = probe.getLocalPort();
        }
        start();
    }

    /** @return its URI */
    String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again, empty) and waits until it accepts connections. @throws IOException when it cannot */
    void start() throws IOException {
        process = new ProcessBuilder(RedisProcesses.serverCommand(port)).redirectErrorStream(true)
                .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "kali-redis-" + port + ".log")).start();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** @param section an INFO section, e.g. {@code commandstats} @return what Redis answers */
    String info(String section) {
        try (io.lettuce.core.RedisClient client = io.lettuce.core.RedisClient.create(uri());
                var connection = client.connect()) {
            return connection.sync().info(section);
        }
    }

    /** Kills it abruptly (SIGKILL) and waits until it is gone. @throws InterruptedException when interrupted */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            kill();
        }
    }
}
