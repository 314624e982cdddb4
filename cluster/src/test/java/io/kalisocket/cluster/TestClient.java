package io.kalisocket.cluster;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK WebSocket client that keeps every text message it receives, in order. */
final class TestClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
    private final WebSocket socket;
    private final String id;

    private TestClient(int port) {
        this.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new Listener())
                .join();
        send("{\"ct\":\"probe\",\"ac\":\"id\"}");
        this.id = awaitReply("\"ac\":\"id\"").replaceAll(".*\"data\":\"([^\"]+)\".*", "$1");
        received.clear();
        arrivals.clear();
    }

    /** @param port a node's port @return a connected client that knows its client id */
    static TestClient connect(int port) {
        return new TestClient(port);
    }

    /** @return the client id the server gave this connection */
    String id() {
        return id;
    }

    /** @param text a frame to send */
    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** @param fragment text the awaited message contains @return the first received message containing it */
    String awaitReply(String fragment) {
        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().anyMatch(m -> m.contains(fragment)));
        return received.stream().filter(m -> m.contains(fragment)).findFirst().orElseThrow();
    }

    /** @param fragment text to look for @return received messages containing it, in order */
    List<String> messages(String fragment) {
        return received.stream().filter(m -> m.contains(fragment)).toList();
    }

    /**
     * @param timeout longest wait
     * @return when the next message arrived ({@link System#nanoTime()}), for latency figures
     * @throws InterruptedException when interrupted
     * @throws IllegalStateException when none arrives in time
     */
    long nextArrival(Duration timeout) throws InterruptedException {
        Long at = arrivals.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (at == null) {
            throw new IllegalStateException("no message within " + timeout + "; received " + received.size());
        }
        return at;
    }

    /** @return every received message, in order */
    List<String> messages() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                arrivals.add(System.nanoTime());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
