package io.kalisocket.examples.chat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.awaitility.Awaitility.await;

/** A chat user's WebSocket, on the JDK's client: what it sends, every frame it got, how the server closed it. */
final class ChatSocket implements WebSocket.Listener, AutoCloseable {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder pending = new StringBuilder();
    private final WebSocket socket;

    ChatSocket(int port) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), this).join();
    }

    ChatSocket send(String json) {
        socket.sendText(json, true).join();
        return this;
    }

    /** @param text what the frame holds @return the first frame holding it, waited for up to 10 s */
    String frameWith(String text) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> received.stream().filter(f -> f.contains(text)).findFirst().orElse(null),
                frame -> frame != null);
    }

    /** @return the close code the server sent, waited for up to 15 s */
    int closedWith() {
        return closeCode.orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    /** Keeps a frame once its last part came: the JDK may hand a long text frame over in parts. */
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence part, boolean last) {
        webSocket.request(1);
        pending.append(part);
        if (!last) {
            return null;
        }
        received.add(pending.toString());
        pending.setLength(0);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void close() {
        socket.abort();
    }
}
