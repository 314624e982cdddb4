package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.RedisProcess;
import io.kalisocket.testing.RequiredService;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * The Redis a bench smoke test uses: the machine's at 127.0.0.1:6379 when it answers, otherwise a private
 * {@code redis-server} (the bench's own {@link RedisProcess}). With neither, the test fails under
 * {@code CI=true} and is skipped elsewhere, with a message saying how to enable it ({@link RequiredService}).
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
        if (RequiredService.redis().isPresent()) {
            return new TestRedis(URI.create("redis://127.0.0.1:6379"), Optional.empty());
        }
        RequiredService.of("Redis on 127.0.0.1:6379, or the redis-server command to start one",
                RequiredService.redisServer()::isPresent, "apt-get install -y redis-server").require();
        RedisProcess process = RedisProcess.start(List.of());
        return new TestRedis(process.uri(), Optional.of(process));
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
