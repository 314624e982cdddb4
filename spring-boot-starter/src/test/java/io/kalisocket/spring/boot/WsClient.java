package io.kalisocket.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real WebSocket client (the JDK's) that keeps every text frame it gets and the close code. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsClient(URI uri) {
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, this).join();
    }

    /** @param port the server's port @return a client connected to {@code ws://127.0.0.1:port/} */
    static WsClient connect(int port) {
        return new WsClient(URI.create("ws://127.0.0.1:" + port + "/"));
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** @return the next frame that contains the given text, skipping the others (heartbeats, pushes) */
    String next(String containing) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains(containing)) {
                return frame;
            }
        }
        throw new AssertionError("no frame containing " + containing + " within 10 s");
    }

    /** @return the close code the server sent */
    int closeCode() throws Exception {
        return closed.get(15, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            frames.add(partial.toString());
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
