package io.kalisocket.testing;

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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The WebSocket client of every module's tests (JDK {@code java.net.http.WebSocket}): keeps every text message it
 * receives, in order, and waits on conditions rather than sleeping.
 *
 * <pre>{@code
 * try (TestClient ann = TestClient.connect(port, "uid=ann")) {
 *     JsonNode reply = ann.call("room", "join", "room", "r1");      // waits for the reply
 *     JsonNode push = ann.awaitJson(Json.type("join"));             // waits for a push
 *     ann.awaitText("hello");                                       // a plain text push
 *     KaliAssertions.assertThat(ann).receivedOnce(Json.type("welcome"));
 * }
 * TestClient.to(URI.create("wss://localhost:" + port + "/")).sslContext(trusting).origin("https://a.example")
 *         .connect();                                                // headers, Origin, TLS: see Connector
 * }</pre>
 * Waits wake up as soon as a message arrives (no polling) and last at most {@link #WAIT}; the received history
 * is never consumed, so a message can be looked for any number of times and counted
 * ({@link #receivedJson(Predicate)}). For frames a well-behaved client never sends (the RFC 6455 conformance
 * tests), use {@link RawWebSocket}.
 */
public final class TestClient implements AutoCloseable {

    /** How long any wait of this client lasts before the test fails. */
    public static final Duration WAIT = Duration.ofSeconds(15);

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A few shared JDK clients: one selector thread each, however many sockets a test opens. */
    private static final HttpClient[] HTTP = {
        HttpClient.newHttpClient(), HttpClient.newHttpClient(), HttpClient.newHttpClient(), HttpClient.newHttpClient()};
    private static final AtomicLong OPENED = new AtomicLong();
    /** Unique across every client of the JVM, so receipts' dedup (per uid once bound) never merges two calls. */
    private static final AtomicLong MSGIDS = new AtomicLong();

    private final WebSocket socket;
    private final RecordingListener listener;

    TestClient(WebSocket socket, RecordingListener listener) {
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
        return to(uri).headers(headers).connect();
    }

    /**
     * Tries to connect and returns the failure instead of a client.
     *
     * @param uri the WebSocket URI
     * @param headers extra upgrade request headers
     * @return the future of the attempt
     */
    public static CompletableFuture<WebSocket> attempt(URI uri, Map<String, String> headers) {
        return to(uri).headers(headers).attempt();
    }

    /**
     * Starts a connection with more than a port and a query: headers, an {@code Origin}, TLS.
     * <pre>{@code
     * TestClient.to(URI.create("wss://localhost:" + port + "/")).sslContext(trusting).origin("https://a.example")
     *         .connect();
     * }</pre>
     *
     * @param uri the WebSocket URI ({@code ws://} or {@code wss://}, on a loopback address)
     * @return a builder of the connection
     */
    public static Connector to(URI uri) {
        return new Connector(uri);
    }

    static HttpClient http() {
        return HTTP[(int) (OPENED.getAndIncrement() % HTTP.length)];
    }

    /** @param text sent as one text frame @return this */
    public TestClient send(String text) {
        socket.sendText(text, true).join();
        return this;
    }

    /** @param bytes sent as one binary frame @return this */
    public TestClient sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
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

    /**
     * Calls an action and waits for its reply. The call carries a msgid unique in the JVM, so the reply is
     * told apart from every other message (the receipt {@code pongMsg} arrives first and is kept too).
     *
     * @param ct the controller
     * @param ac the action
     * @param keyValues the params, as name, value, name, value...
     * @return the reply ({@code ct}, {@code ac}, {@code code}, {@code msg}, {@code data}, {@code msgid})
     */
    public JsonNode call(String ct, String ac, Object... keyValues) {
        Map<String, Object> message = Json.obj(keyValues);
        message.put("ct", ct);
        message.put("ac", ac);
        String msgid = "t" + MSGIDS.incrementAndGet();
        message.put("msgid", msgid);
        sendJson(message);
        return awaitReply(msgid);
    }

    /** @return every text message received so far, in order */
    public List<String> received() {
        return new ArrayList<>(listener.texts);
    }

    /** @return received messages that are JSON objects, parsed, in order */
    public List<JsonNode> receivedJson() {
        return new ArrayList<>(listener.objects);
    }

    /**
     * @param condition what a message must satisfy
     * @return the received JSON messages that satisfy it, in order (no waiting)
     */
    public List<JsonNode> receivedJson(Predicate<JsonNode> condition) {
        return receivedJson().stream().filter(condition).toList();
    }

    /**
     * @param count how many matching messages to wait for (at least)
     * @param condition what the messages must satisfy
     * @return every matching message received once there are {@code count} of them, in order
     */
    public List<JsonNode> awaitJson(int count, Predicate<JsonNode> condition) {
        listener.await(() -> receivedJson(condition).size() >= count ? Boolean.TRUE : null,
                "" + count + " matching messages");
        return receivedJson(condition);
    }

    /**
     * @param count how many JSON messages to wait for (at least)
     * @return every JSON message received once there are {@code count} of them, in order
     */
    public List<JsonNode> awaitJson(int count) {
        return awaitJson(count, n -> true);
    }

    /**
     * @param condition what a text message must satisfy, e.g. {@code m -> m.startsWith("all-")}
     * @return the received text messages that satisfy it, in order (no waiting)
     */
    public List<String> received(Predicate<String> condition) {
        return listener.texts.stream().filter(condition).toList();
    }

    /**
     * @param condition what the text message must satisfy
     * @return the first received text message that satisfies it, waiting for it to arrive
     */
    public String awaitText(Predicate<String> condition) {
        return listener.await(() -> first(listener.texts, condition), "a matching text message");
    }

    /**
     * For plain text pushes (e.g. a gateway's {@code sendToAll("hi")}), which are not JSON.
     *
     * @param text the whole message
     * @return it, once a message equal to it arrived (waits)
     */
    public String awaitText(String text) {
        return awaitText(text::equals);
    }

    /**
     * @param index the position of a received message, from 0
     * @return when it arrived, as {@link System#nanoTime()}: for latency figures
     */
    public long arrivalNanos(int index) {
        return listener.arrivals.get(index);
    }

    /** @param count how many messages to wait for @return the first {@code count} messages */
    public List<String> awaitMessages(int count) {
        listener.await(() -> listener.texts.size() >= count ? Boolean.TRUE : null, count + " messages");
        return received().subList(0, count);
    }

    /**
     * @param condition what the message must satisfy
     * @return the first received JSON message that satisfies it, waiting for it to arrive
     */
    public JsonNode awaitJson(Predicate<JsonNode> condition) {
        return listener.await(() -> first(listener.objects, condition), "a matching message");
    }

    private static <T> T first(List<T> received, Predicate<T> condition) {
        return received.stream().filter(condition).findFirst().orElse(null);
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
        return listener.await(() -> listener.closeCode.getNow(null), "the close");
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
}
