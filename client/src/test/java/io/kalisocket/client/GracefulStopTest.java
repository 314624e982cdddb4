package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A server's graceful stop with Java clients connected ends when they have closed, not at the end of the grace:
 * the grace is 60 s, and the stop must end within 20 s (a bound, not a speed claim). The same with the demo's
 * page in Chromium: {@code client/browser-test/stop.test.mjs}.
 */
class GracefulStopTest {

    private static final Duration GRACE = Duration.ofSeconds(60);
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final int CLIENTS = 3;

    @Test
    void stop_endsWhenTheLastClientHasClosed() throws Exception {
        TestServer server = TestServer.start(Map.of("limits.handshake-timeout", "60s"), s -> { });
        List<KaliClient> clients = new ArrayList<>();
        List<CompletableFuture<Integer>> closes = new ArrayList<>();
        try (ClientRuntime runtime = ClientRuntime.create()) {
            for (int i = 0; i < CLIENTS; i++) {
                KaliClient ks = KaliClient.create(server.uri(), ClientOptions.defaults(), runtime);
                CompletableFuture<Integer> closed = new CompletableFuture<>();
                ks.listen(new ClientListener() {
                    @Override
                    public void onClose(int code, String reason, boolean isFinal) {
                        closed.complete(code);
                    }
                });
                clients.add(ks);
                closes.add(closed);
                ks.connect().get(BOUND.toSeconds(), TimeUnit.SECONDS);
            }

            CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> server.running().stop(GRACE));

            await().atMost(BOUND).until(stop::isDone);
            for (CompletableFuture<Integer> closed : closes) {
                assertThat(closed).succeedsWithin(BOUND).isEqualTo(1012);
            }
            clients.forEach(KaliClient::close);
        }
    }
}
