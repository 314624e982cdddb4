package io.kalisocket.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A KaliSocket client: calls with receipts and resend, pushes by type, heartbeat and reconnect.
 *
 * <pre>{@code
 * try (KaliClient ks = KaliClient.create(URI.create("ws://127.0.0.1:9527/"),
 *         ClientOptions.builder().query(Map.of("uid", "alice")).build())) {
 *     ks.on("say", msg -> System.out.println(msg.get("text")));
 *     ks.connect().join();
 *     JsonNode joined = ks.call("room", "join", Map.of("room", "r1")).join();
 *     ks.send("room", "say", Map.of("room", "r1", "text", "hi"));
 * }
 * }</pre>
 *
 * <p>Every call carries a fresh {@code msgid} and is resent, same msgid, until its receipt arrives: on a timer
 * and after a reconnect; the server runs it once. Calls and sends made while disconnected are queued and sent
 * in order on the next open. With {@link ClientOptions#recover()} (the default) a connection that drops comes back
 * as it was, with every push missed meanwhile handed to the {@code on(type)} handlers in order, once; the
 * listener's {@link ClientListener#onRecovered} or {@link ClientListener#onReset} says which. Futures complete and listeners run on the client's I/O threads: do not block there.
 * Thread-safe.
 */
public final class KaliClient implements AutoCloseable {

    private final ClientRuntime runtime;
    private final boolean ownRuntime;
    private final Listeners listeners = new Listeners();
    private final ClientEngine engine;

    private KaliClient(URI uri, ClientOptions options, ClientRuntime runtime, boolean ownRuntime) {
        this.runtime = runtime;
        this.ownRuntime = ownRuntime;
        this.engine = new ClientEngine(uri, options, runtime, listeners);
    }

    /**
     * Creates a client with its own {@link ClientRuntime}; call {@link #connect()} after adding listeners.
     *
     * @param uri the server, e.g. {@code ws://127.0.0.1:9527/}
     * @param options the options
     * @return the client, not connected yet
     */
    public static KaliClient create(URI uri, ClientOptions options) {
        return new KaliClient(uri, options, ClientRuntime.create(), true);
    }

    /**
     * Creates a client on a shared runtime (closing the client leaves the runtime running).
     *
     * @param uri the server
     * @param options the options
     * @param runtime the threads and mapper to use
     * @return the client, not connected yet
     */
    public static KaliClient create(URI uri, ClientOptions options, ClientRuntime runtime) {
        return new KaliClient(uri, options, runtime, false);
    }

    /**
     * Starts connecting (once; later calls only return the same future).
     *
     * @return {@link #ready()}
     */
    public CompletableFuture<Void> connect() {
        return engine.connect();
    }

    /**
     * @return a future completed on the first open; failed with {@link ReplyException} 410 if closed before, or
     *     with the HTTP status when the server refused the handshake for good ({@link ClientListener#onRefused})
     */
    public CompletableFuture<Void> ready() {
        return engine.ready();
    }

    /** @return the connection's state */
    public ClientState state() {
        return engine.state();
    }

    /**
     * @return the connection's client id, as the server's {@code recovery} frame gave it; empty when recovery is
     *     off or the server has none (docs/RECOVERY.md)
     */
    public Optional<String> clientId() {
        return engine.clientId();
    }

    /**
     * @return the subprotocol the server chose among {@link ClientOptions#subprotocols()} for the open connection;
     *     empty when it chose none or the client is not open
     */
    public Optional<String> subprotocol() {
        return engine.subprotocol();
    }

    /**
     * Listens to pushes whose {@code type} is {@code type} (e.g. {@code say}, {@code welcome}); frames that are
     * not JSON come as a text node under the type {@code text}; {@code *} gets every JSON frame, replies and
     * receipts included.
     *
     * @param type the push type
     * @param handler gets the whole push
     * @return the subscription
     */
    public Subscription on(String type, Consumer<JsonNode> handler) {
        return listeners.on(type, handler);
    }

    /**
     * Sets what restores server-side state after a reconnect (log in, rejoin groups) before queued frames go
     * out; without it they go out at once.
     *
     * @param hook the hook, or null for none
     * @return this
     */
    public KaliClient resume(Resume hook) {
        engine.resume(hook);
        return this;
    }

    /**
     * Listens to the connection's lifecycle.
     *
     * @param listener the listener
     * @return the subscription
     */
    public Subscription listen(ClientListener listener) {
        return listeners.listen(listener);
    }

    /**
     * Calls action {@code ac} of controller {@code ct}.
     *
     * @param ct the controller
     * @param ac the action
     * @param params the params: a map, a record or any Jackson-serializable object (null for none)
     * @return the reply's {@code data}; fails with {@link ReplyException} on an error reply, a timeout or close
     */
    public CompletableFuture<JsonNode> call(String ct, String ac, Object params) {
        return engine.call(Frames.call(runtime.mapper(), ct, ac, params), false);
    }

    /**
     * Calls an action and binds the reply's {@code data} to a type.
     *
     * @param ct the controller
     * @param ac the action
     * @param params the params
     * @param type the type of {@code data}
     * @param <T> that type
     * @return the bound data
     */
    public <T> CompletableFuture<T> call(String ct, String ac, Object params, Class<T> type) {
        return call(ct, ac, params).thenApply(d -> Frames.bind(runtime.mapper(), d, runtime.mapper().constructType(type)));
    }

    /**
     * Calls an action and binds the reply's {@code data} to a generic type.
     *
     * @param ct the controller
     * @param ac the action
     * @param params the params
     * @param type the type of {@code data}, e.g. {@code new TypeReference<List<String>>() {}}
     * @param <T> that type
     * @return the bound data
     */
    public <T> CompletableFuture<T> call(String ct, String ac, Object params, TypeReference<T> type) {
        return call(ct, ac, params).thenApply(d -> Frames.bind(runtime.mapper(), d, runtime.mapper().constructType(type)));
    }

    /**
     * Sends without msgid and without waiting for anything; queued while disconnected.
     *
     * @param ct the controller
     * @param ac the action
     * @param params the params (null for none)
     * @return false when the client is closed or its queue is full
     */
    public boolean send(String ct, String ac, Object params) {
        return engine.send(Frames.call(runtime.mapper(), ct, ac, params).toString());
    }

    /** Closes for good: no reconnect; pending calls fail with {@link ReplyException#CLOSED}. */
    @Override
    public void close() {
        engine.close();
        if (ownRuntime) {
            runtime.close();
        }
    }
}
