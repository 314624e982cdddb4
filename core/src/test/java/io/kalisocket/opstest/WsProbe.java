package io.kalisocket.opstest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;

/**
 * A real WebSocket client for the operations tests (JDK {@link HttpClient}): keeps every text message and the
 * close code it got, in order.
 */
public final class WsProbe implements WebSocket.Listener, AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final WebSocket socket;

    private WsProbe(URI uri, SSLContext ssl) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.socket = builder.build().newWebSocketBuilder().buildAsync(uri, this).join();
    }

    /** @param uri e.g. {@code ws://127.0.0.1:9527/} @return a connected client */
    public static WsProbe connect(String uri) {
        return new WsProbe(URI.create(uri), null);
    }

    /** @param uri e.g. {@code wss://localhost:9527/} @param ssl trusts the server @return a connected client */
    public static WsProbe connect(String uri, SSLContext ssl) {
        return new WsProbe(URI.create(uri), ssl);
    }

    /** @param text a text frame to send */
    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** @return every text message received so far, in order */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return completes with the close code the server sent */
    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
        }
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
