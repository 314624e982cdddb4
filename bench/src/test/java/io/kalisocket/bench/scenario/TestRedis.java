package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.RedisProcess;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redis a bench smoke test uses: the machine's at 127.0.0.1:6379 when it answers, otherwise a private
 * {@code redis-server} (the bench's own {@link RedisProcess}). With neither, the test fails under
 * {@code CI=true} and is skipped elsewhere, with a message saying how to enable it.
 */
final class TestRedis implements AutoCloseable {

    private final URI uri;
    private final Optional<RedisProcess> own;

    private TestRedis(URI uri, Optional<RedisProcess> own) {
        this.uri = uri;
        this.own = own;
    }

    /**
     * A Redis for the calling test, or a failed (CI) or skipped (elsewhere) test.
     *
     * @return the Redis; close it at the end
     * @throws Exception if the private redis-server does not start
     */
    static TestRedis require() throws Exception {
        if (answers()) {
            return new TestRedis(URI.create("redis://127.0.0.1:6379"), Optional.empty());
        }
        boolean binary = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> new File(dir, "redis-server").canExecute());
        String message = "the cluster bench smokes need Redis on 127.0.0.1:6379 or redis-server on the PATH"
                + " (apt-get install redis-server); skipped without, with CI=true they fail instead";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.assertTrue(binary, message);
        }
        Assumptions.assumeTrue(binary, message);
        RedisProcess process = RedisProcess.start(List.of());
        return new TestRedis(process.uri(), Optional.of(process));
    }

    private static boolean answers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @return where it listens */
    URI uri() {
        return uri;
    }

    @Override
    public void close() {
        own.ifPresent(RedisProcess::close);
    }
}
