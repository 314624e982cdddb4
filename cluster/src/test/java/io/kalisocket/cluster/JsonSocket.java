package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A JDK WebSocket that keeps every JSON frame it receives, in order; {@link #drop()} kills it without a close. */
final class JsonSocket implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final WebSocket socket;

    private JsonSocket(int port, String query) {
        this.socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/?" + query),
                new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            try {
                                frames.add(JSON.readTree(partial.toString()));
                            } catch (JsonProcessingException e) {
                                throw new UncheckedIOException(e);
                            }
                            partial.setLength(0);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).join();
    }

    /** @param port a node's port @param query the upgrade's query string @return the open socket */
    static JsonSocket open(int port, String query) {
        return new JsonSocket(port, query);
    }

    /** @param text a frame to send */
    void send(String text) {
        socket.sendText(text, true).join();
    }

    /** @param count how many frames to wait for @return every frame received, in order */
    List<JsonNode> await(int count) {
        org.awaitility.Awaitility.await("frames received (" + count + " awaited)").atMost(Duration.ofSeconds(30))
                .until(frames::size, received -> received >= count); // on a timeout, says how many came
        return List.copyOf(frames);
    }

    /** @return every frame received so far, in order */
    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** @param type a frame type @return the received frames of that type, in order */
    List<JsonNode> ofType(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asText())).toList();
    }

    /** Kills the socket: no close frame, as when a network drops. */
    void drop() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
