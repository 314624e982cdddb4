package io.kalisocket.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.FakeClock;
import io.kalisocket.testing.TcpProxy;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link KaliClient} recovers its connection (docs/RECOVERY.md section 3) from a real server with recovery on. The
 * network is cut by a {@link TcpProxy} the test owns, so no close frame is sent, as when a phone loses its signal.
 * The clients run on a fake clock: they come back when a test advances it past the reconnect back-off.
 */
class RecoveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final FakeClock clock = new FakeClock();
    private final ClientOptions options = ClientOptions.builder().clock(new FakeClientClock(clock)).build();

    /** What the application sees: its push handlers and its listener. */
    private static final class App implements ClientListener {
        final List<String> pushes = new CopyOnWriteArrayList<>();
        final List<String> recovered = new CopyOnWriteArrayList<>();
        final List<String> resets = new CopyOnWriteArrayList<>();
        final List<Integer> closes = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnecting = new AtomicInteger();

        App(KaliClient ks) {
            for (String type : List.of("say", "private")) {
                ks.on(type, m -> pushes.add(type + ":" + m.path("text").asText() + (m.has("_seq") ? " with _seq" : "")));
            }
            ks.listen(this);
        }

        @Override
        public void onRecovered(String clientId, long missed) {
            recovered.add(clientId + " missed " + missed);
        }

        @Override
        public void onReset(String reason, Optional<String> clientId) {
            resets.add(reason);
        }

        @Override
        public void onClose(int code, String reason, boolean isFinal) {
            closes.add(code);
        }

        @Override
        public void onReconnecting(int attempt, Duration delay) {
            reconnecting.incrementAndGet();
        }
    }

    private static URI through(TcpProxy proxy) {
        return URI.create("ws://127.0.0.1:" + proxy.port() + "/");
    }

    private static void joinR1(KaliClient... clients) {
        for (KaliClient c : clients) {
            c.connect().join();
            c.call("echo", "join", Map.of("room", "r1")).join();
        }
    }

    /**
     * Cuts the network and waits until the client noticed (a close without a close frame) and set its reconnect,
     * which waits for the clock.
     */
    private static void cut(TcpProxy proxy, App app) {
        int before = app.reconnecting.get();
        proxy.cut();
        await().atMost(WAIT).until(() -> app.closes.contains(Link.ABNORMAL) && app.reconnecting.get() > before);
    }

    /**
     * Restores the network and moves the clock past the first reconnect's back-off (at most {@code min}): the client
     * comes back. No further: its wait for the server's recovery frame is on the clock too.
     */
    private void restore(TcpProxy proxy) {
        proxy.restore();
        clock.advance(options.backoff().min());
    }

    @Test
    void aDroppedClient_getsEveryMissedPushThroughItsHandlers_inOrder_exactlyOnce_withTheSameClientId() {
        try (TestServer server = TestServer.start(Map.of("recovery.enabled", "true"));
             TcpProxy proxy = new TcpProxy(server.uri().getPort());
             KaliClient ann = KaliClient.create(through(proxy), options);
             KaliClient bob = KaliClient.create(server.uri(), options)) {
            App app = new App(ann);
            joinR1(ann, bob);
            String annId = ann.clientId().orElseThrow();

            cut(proxy, app);
            for (int i = 0; i < 50; i++) {
                bob.call("echo", "room", Map.of("room", "r1", "text", "m" + i)).join();
            }
            for (int i = 0; i < 3; i++) {
                assertThat(bob.call("echo", "tell", Map.of("to", annId, "text", "p" + i)).join().asInt())
                        .as("the parked connection is still there").isEqualTo(1);
            }
            assertThat(app.pushes).as("nothing reached Ann while she was away").isEmpty();

            restore(proxy);
            await().atMost(WAIT).until(() -> app.pushes.size() >= 53);
            bob.call("echo", "room", Map.of("room", "r1", "text", "live")).join(); // a repeat would come before it
            await().atMost(WAIT).until(() -> app.pushes.contains("say:live"));
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                expected.add("say:m" + i);
            }
            List.of("private:p0", "private:p1", "private:p2", "say:live").forEach(expected::add);
            assertThat(app.pushes).containsExactlyElementsOf(expected);
            assertThat(app.recovered).containsExactly(annId + " missed 53");
            assertThat(app.resets).isEmpty();
            assertThat(ann.clientId()).contains(annId);
            assertThat(server.running().gateway().getClientIdListByGroup("r1")).contains(annId);
        }
    }

    @Test
    void oneSendersGroupAndPrivatePushes_keepTheOrderItMadeThemIn_liveAndAfterAReturn() {
        try (TestServer server = TestServer.start(Map.of("recovery.enabled", "true"));
             TcpProxy proxy = new TcpProxy(server.uri().getPort());
             KaliClient ann = KaliClient.create(through(proxy), options);
             KaliClient bob = KaliClient.create(server.uri(), options)) {
            App app = new App(ann);
            joinR1(ann, bob);
            String annId = ann.clientId().orElseThrow();
            Map<String, Object> pairs = Map.of("room", "r1", "to", annId, "count", 100);

            bob.call("echo", "mixed", pairs).join();
            await().atMost(WAIT).until(() -> app.pushes.size() >= 200);
            cut(proxy, app);
            bob.call("echo", "mixed", pairs).join();
            restore(proxy);
            await().atMost(WAIT).until(() -> app.pushes.size() >= 400);

            List<String> once = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                once.add("say:g" + i);
                once.add("private:p" + i);
            }
            List<String> expected = new ArrayList<>(once);
            expected.addAll(once);
            assertThat(app.pushes).containsExactlyElementsOf(expected);
            assertThat(app.recovered).containsExactly(annId + " missed 200");
        }
    }

    @Test
    void whenTheServerCannotRecover_theResumeHookRuns_andTheListenerIsToldOfTheReset() {
        try (TestServer server = TestServer.start(Map.of("recovery.enabled", "true", "recovery.max-messages", "3"));
             TcpProxy proxy = new TcpProxy(server.uri().getPort());
             KaliClient ann = KaliClient.create(through(proxy), options);
             KaliClient bob = KaliClient.create(server.uri(), options)) {
            AtomicInteger resumed = new AtomicInteger();
            List<String> order = new CopyOnWriteArrayList<>();
            ann.resume(direct -> {
                resumed.incrementAndGet();
                return direct.call("echo", "join", Map.of("room", "r1")).thenRun(() -> order.add("rejoined"));
            });
            App app = new App(ann);
            ann.listen(new ClientListener() {
                @Override
                public void onReset(String reason, Optional<String> clientId) {
                    order.add("reset");
                }
            });
            joinR1(ann, bob);
            String annId = ann.clientId().orElseThrow();

            cut(proxy, app);
            for (int i = 0; i < 5; i++) {
                bob.call("echo", "room", Map.of("room", "r1", "text", "lost" + i)).join(); // over the cap of 3
            }
            restore(proxy);
            await().atMost(WAIT).until(() -> !app.resets.isEmpty());
            assertThat(app.resets).singleElement().isIn("expired", "overflow");
            assertThat(order).containsExactly("rejoined", "reset");
            assertThat(resumed).hasValue(1);
            assertThat(app.recovered).isEmpty();
            assertThat(ann.clientId()).isPresent().isNotEqualTo(Optional.of(annId));
            assertThat(app.pushes).noneMatch(p -> p.startsWith("say:lost"));

            bob.call("echo", "room", Map.of("room", "r1", "text", "live again")).join();
            await().atMost(WAIT).until(() -> app.pushes.contains("say:live again"));
        }
    }

    @Test
    void withRecoverOff_theClientAsksForNothing_andEveryReconnectIsAReset() {
        try (TestServer server = TestServer.start(Map.of("recovery.enabled", "true"));
             TcpProxy proxy = new TcpProxy(server.uri().getPort());
             KaliClient ann = KaliClient.create(through(proxy), options.toBuilder().recover(false).build())) {
            App app = new App(ann);
            CompletableFuture<Void> reconnected = new CompletableFuture<>();
            ann.listen(new ClientListener() {
                @Override
                public void onReconnected() {
                    reconnected.complete(null);
                }
            });
            ann.connect().join();
            assertThat(ann.clientId()).isEmpty();
            cut(proxy, app);
            restore(proxy);
            await().atMost(WAIT).until(reconnected::isDone);
            assertThat(app.resets).containsExactly("off");
            assertThat(ann.call("echo", "say", Map.of("data", "plain")).join().asText()).isEqualTo("plain");
        }
    }
}
