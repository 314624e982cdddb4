package io.kalisocket.cluster;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the tests find Redis. With {@code CI=true} a missing Redis fails the tests; elsewhere they are
 * skipped with a message saying how to run them.
 */
final class RedisForTests {

    static final String HOST = "127.0.0.1";
    static final int PORT = 6379;
    static final String URI = "redis://" + HOST + ":" + PORT;

    private RedisForTests() {
    }

    /** Fails (CI) or skips (elsewhere) the calling test when Redis is not on 127.0.0.1:6379. */
    static void require() {
        requirePort(PORT, "Redis on " + HOST + ":" + PORT);
    }

    /** Fails (CI) or skips (elsewhere) the calling test when {@code redis-server} cannot be run. */
    static void requireRedisServerBinary() {
        boolean present = java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> new java.io.File(dir, "redis-server").canExecute());
        check(present, "the redis-server binary on the PATH");
    }

    static void requirePort(int port, String what) {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 500);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        check(up, what);
    }

    private static void check(boolean present, String what) {
        String message = "cluster tests need " + what + " (apt-get install redis-server; redis-server --daemonize yes)."
                + " They are skipped without it; with CI=true they fail instead.";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(present, message);
        }
        Assumptions.assumeTrue(present, message);
    }

    /** @return a key prefix no other test run uses, so tests never see each other's keys */
    static String freshPrefix() {
        return "kstest:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    }
}
