package io.kalisocket.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.demo.DemoServers;
import io.kalisocket.demo.chat.ChatMessage;
import io.kalisocket.demo.chat.Pushes;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Group fan-out rate: messages handed to sockets, and received by the clients, per second for a group of
 * 1,000 connections, on loopback, server and clients in one JVM (so the figure is a floor). Bounded: a
 * warm-up round, then {@value #ROUNDS} rounds of {@value #BURST} {@code say} pushes sent to the group
 * through {@link Gateway#sendToGroup}, each round waited for until every member has every message. Gateway
 * mode is off, so connecting sends no welcome or online pushes that would be counted.
 *
 * <p>Off by default; run it with
 * {@code mvn -q -B -f demo/pom.xml test -Dtest=GroupFanoutBench -Dbench=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("bench")
@EnabledIfSystemProperty(named = "bench", matches = "true")
class GroupFanoutBench {

    static final int MEMBERS = 1_000;
    static final int BURST = 100;
    static final int ROUNDS = 10;
    static final String GROUP = "bench";

    @Test
    void fanOutToAGroupOf1000() throws Exception {
        try (TestServer server = DemoServers.start("limits.max-connections-per-ip", "0",
                "connect-actions.enabled", "false")) {
            Gateway gateway = server.gateway();
            AtomicLong received = new AtomicLong();
            List<WebSocket> sockets = connect(server.port(), received);
            for (String id : gateway.getAllClientIdList()) {
                gateway.joinGroup(id, GROUP);
            }
            assertThat(gateway.getClientIdCountByGroup(GROUP)).isEqualTo(MEMBERS);

            round(gateway, received, 0); // warm-up
            long handed = 0;
            long start = System.nanoTime();
            double bestPerSecond = 0;
            for (int r = 1; r <= ROUNDS; r++) {
                long roundStart = System.nanoTime();
                handed += round(gateway, received, r);
                bestPerSecond = Math.max(bestPerSecond, (double) BURST * MEMBERS * 1e9 / (System.nanoTime() - roundStart));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("group fan-out, %d members, %d rounds of %d messages: %d deliveries in %.3f s = "
                    + "%.0f messages/s handed and received (best round %.0f/s); %d cores%n", MEMBERS, ROUNDS, BURST,
                    handed, seconds, handed / seconds, bestPerSecond, Runtime.getRuntime().availableProcessors());
            assertThat(handed).isEqualTo((long) ROUNDS * BURST * MEMBERS);
            sockets.forEach(WebSocket::abort);
        }
    }

    /** Sends one burst to the group and waits until every member received all of it; returns the handed count. */
    private static long round(Gateway gateway, AtomicLong received, int round) throws InterruptedException {
        long target = received.get() + (long) BURST * MEMBERS;
        long handed = 0;
        for (int i = 0; i < BURST; i++) {
            ChatMessage m = new ChatMessage((long) round * BURST + i, GROUP, "bench", "message " + i, System.currentTimeMillis());
            handed += gateway.sendToGroup(GROUP, Pushes.say(m));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        synchronized (received) {
            while (received.get() < target) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("round " + round + ": " + (target - received.get()) + " messages missing");
                }
                received.wait(100);
            }
        }
        return handed;
    }

    private static List<WebSocket> connect(int port, AtomicLong received) {
        HttpClient[] clients = new HttpClient[8];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newHttpClient();
        }
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            pending.add(clients[i % clients.length].newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Counting(received)));
            if (pending.size() % 100 == 0) {
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            }
        }
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Counts whole text messages and nothing else. */
    private static final class Counting implements WebSocket.Listener {
        private final AtomicLong received;

        Counting(AtomicLong received) {
            this.received = received;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (last && received.incrementAndGet() % 1_000 == 0) {
                synchronized (received) {
                    received.notifyAll();
                }
            }
            return null;
        }
    }
}
