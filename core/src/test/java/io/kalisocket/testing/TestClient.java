package io.kalisocket.testing;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client for tests (JDK {@code java.net.http.WebSocket}): keeps every text message it
 * receives, in order, and waits on conditions rather than sleeping.
 */
public final class TestClient implements AutoCloseable {

    /** How long any wait of this client lasts before the test fails. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final Listener listener;

    private TestClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** @param port a server on 127.0.0.1 @return a connected client */
    public static TestClient connect(int port) {
        return connect(URI.create("ws://127.0.0.1:" + port + "/"), Map.of());
    }

    /** @param port a server on 127.0.0.1 @param query e.g. {@code uid=alice} @return a connected client */
    public static TestClient connect(int port, String query) {
        return connect(URI.create("ws://127.0.0.1:" + port + "/?" + query), Map.of());
    }

    /**
     * @param uri the WebSocket URI
     * @param headers extra upgrade request headers
     * @return a connected client
     */
    public static TestClient connect(URI uri, Map<String, String> headers) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        WebSocket socket = builder.buildAsync(uri, listener).orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return new TestClient(socket, listener);
    }

    /**
     * Tries to connect and returns the failure instead of a client.
     *
     * @param uri the WebSocket URI
     * @param headers extra upgrade request headers
     * @return the future of the attempt
     */
    public static CompletableFuture<WebSocket> attempt(URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT);
        headers.forEach(builder::header);
        return builder.buildAsync(uri, new Listener());
    }

    /** @param text sent as one text frame @return this */
    public TestClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** @param message encoded as JSON and sent @return this */
    public TestClient sendJson(Object message) {
        try {
            return send(JSON.writeValueAsString(message));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return every text message received so far, in order */
    public List<String> received() {
        return new ArrayList<>(listener.texts);
    }

    /** @return received messages that are JSON objects, parsed, in order */
    public List<JsonNode> receivedJson() {
        List<JsonNode> nodes = new ArrayList<>();
        for (String text : listener.texts) {
            if (text.startsWith("{")) {
                nodes.add(parse(text));
            }
        }
        return nodes;
    }

    /** @param count how many messages to wait for @return the first {@code count} messages */
    public List<String> awaitMessages(int count) {
        await().atMost(WAIT).until(() -> listener.texts.size() >= count);
        return received().subList(0, count);
    }

    /**
     * @param condition what the message must satisfy
     * @return the first received JSON message that satisfies it, waiting for it to arrive
     */
    public JsonNode awaitJson(Predicate<JsonNode> condition) {
        return await().atMost(WAIT).until(
                () -> receivedJson().stream().filter(condition).findFirst().orElse(null), n -> n != null);
    }

    /** @param type a push's {@code type} @return the first push of that type */
    public JsonNode awaitType(String type) {
        return awaitJson(n -> type.equals(n.path("type").asText()));
    }

    /** @param msgid a call's msgid @return the reply carrying it (not the receipt) */
    public JsonNode awaitReply(String msgid) {
        return awaitJson(n -> n.has("code") && msgid.equals(n.path("msgid").asText()));
    }

    /** @return the close code the server sent, waiting for the connection to close */
    public int awaitClose() {
        await().atMost(WAIT).until(() -> listener.closeCode.isDone());
        return listener.closeCode.join();
    }

    /** @return true once the connection closed or failed */
    public boolean isClosed() {
        return listener.closeCode.isDone();
    }

    /** Stops reading from the socket, so the server's outbound buffer fills (a slow consumer). */
    public void pauseReading() {
        listener.paused = true;
    }

    /** Reads again after {@link #pauseReading()}. */
    public void resumeReading() {
        listener.paused = false;
        socket.request(Long.MAX_VALUE);
    }

    /** @param text a JSON text @return its tree */
    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Drops the TCP connection without a close handshake. */
    public void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final List<String> texts = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        final StringBuilder partial = new StringBuilder();
        volatile boolean paused;

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                texts.add(partial.toString());
                partial.setLength(0);
            }
            if (!paused) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.complete(1006);
        }
    }
}
