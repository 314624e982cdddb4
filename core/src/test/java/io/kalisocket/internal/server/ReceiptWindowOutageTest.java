package io.kalisocket.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.cache.Cache;
import io.kalisocket.internal.server.app.ProbeController;
import io.kalisocket.testing.TestClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * When the cache behind the receipts' window cannot answer (Redis failing over, in a cluster), a call with a msgid
 * has its receipt already: it is answered {@code 503} with its msgid and not run, never acknowledged and then
 * silently dropped, and never run without being recorded (a resend would run it twice).
 */
class ReceiptWindowOutageTest {

    /** The machine-local cache, whose {@code add} fails while {@link #down} is set, as a Redis that does not answer. */
    private static final class OutageCache implements Cache {
        final AtomicBoolean down = new AtomicBoolean();
        private final Cache local = Cache.local();

        @Override
        public boolean add(String key, Object value, Duration ttl) {
            if (down.get()) {
                throw new IllegalStateException("Redis is failing over");
            }
            return local.add(key, value, ttl);
        }

        @Override
        public Optional<Object> get(String key) {
            return local.get(key);
        }

        @Override
        public void set(String key, Object value, Duration ttl) {
            local.set(key, value, ttl);
        }

        @Override
        public boolean has(String key) {
            return local.has(key);
        }

        @Override
        public boolean delete(String key) {
            return local.delete(key);
        }

        @Override
        public long incr(String key, long delta, Duration ttl) {
            return local.incr(key, delta, ttl);
        }

        @Override
        public <T> T remember(String key, Duration ttl, Supplier<T> loader) {
            return local.remember(key, ttl, loader);
        }
    }

    @Test
    void callWithAMsgid_duringAnOutage_isAnswered503AndNotRun_thenRunsOnceWhenResentAfter() {
        OutageCache cache = new OutageCache();
        try (RunningServer server = TestServers.probe(c -> KaliServer.create(c).cache(cache));
                TestClient client = TestClient.connect(server.port())) {
            int before = ProbeController.COUNTED.get();
            cache.down.set(true);
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"m-1\"}");
            JsonNode refused = client.awaitReply("m-1");
            assertThat(refused.get("code").asInt()).isEqualTo(503);
            assertThat(refused.get("msg").asText()).contains("resend");
            assertThat(client.received()).contains("{\"type\":\"pongMsg\",\"msgid\":\"m-1\"}");
            assertThat(ProbeController.COUNTED.get()).isEqualTo(before);

            cache.down.set(false);
            client.send("{\"ct\":\"probe\",\"ac\":\"count\",\"msgid\":\"m-1\"}");
            client.awaitJson(2, n -> "m-1".equals(n.path("msgid").asText()) && n.has("code"));
            assertThat(ProbeController.COUNTED.get()).isEqualTo(before + 1);
            assertThat(server.counters().repliesByCode()).containsEntry(503, 1L);
        }
    }
}
