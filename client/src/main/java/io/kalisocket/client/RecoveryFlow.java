package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The client's side of connection recovery (docs/RECOVERY.md section 3) for {@link ClientEngine}: filters the
 * recovery fields out of incoming frames, and after a reconnect waits for the server's {@code recovery} frame to
 * decide between recovered (the queue goes out at once) and a new connection (the {@link Resume} hook runs first).
 * Its lock guards only its own fields and is never held while calling out.
 */
final class RecoveryFlow {

    private static final System.Logger LOG = System.getLogger(KaliClient.class.getName());

    /** What the engine does once the outcome of an open is known. */
    interface Engine {
        /** Resends unacknowledged calls, sends the queue, then reports the open and {@code outcome} (null: first open). */
        void flowAgain(Link link, Consumer<ClientListener> outcome);

        /** @return the direct calls handed to the resume hook */
        Resume.Direct direct();
    }

    private final ClientOptions options;
    private final Timers timers;
    private final Listeners listeners;
    private final Engine engine;
    private final Supplier<Resume> resume;
    private final RecoveryState state = new RecoveryState();
    /** The link whose recovery frame decides the outcome; null when none is awaited. */
    private Link deciding;
    private Future<?> decideTimeout;

    RecoveryFlow(ClientOptions options, Timers timers, Listeners listeners, Engine engine, Supplier<Resume> resume) {
        this.options = options;
        this.timers = timers;
        this.listeners = listeners;
        this.engine = engine;
        this.resume = resume;
    }

    /** @return the recovery parameters of the next connect */
    synchronized Map<String, String> nextQuery() {
        return state.nextQuery(options.recover());
    }

    /** @return the connection's client id, from the server's last recovery frame */
    synchronized Optional<String> clientId() {
        return state.clientId();
    }

    /** @param l the link that just opened @param again true after a reconnect */
    void opened(Link l, boolean again) {
        boolean wait;
        synchronized (this) {
            wait = again && state.askedResume();
            if (wait) {
                deciding = l;
                // A server without recovery sends no recovery frame: after connectTimeout the connection is new.
                decideTimeout = timers.once(options.connectTimeout(), () -> decide(l, null));
            }
        }
        if (!again) {
            engine.flowAgain(l, null);
        } else if (!wait) {
            restore(l, options.recover() ? "unsupported" : "off");
        }
    }

    /** Stops waiting for a recovery frame (the link closed). */
    synchronized void closed() {
        deciding = null;
    }

    /**
     * @param l the link the frame came on
     * @param msg a JSON frame; a push's {@code _seq} is removed from it
     * @return false when recovery consumed the frame (the recovery frame, a duplicate, a wrapped text)
     */
    boolean deliverable(Link l, JsonNode msg) {
        if (!options.recover()) {
            return true;
        }
        RecoveryState.Kind kind;
        synchronized (this) {
            kind = state.read(msg);
        }
        if (kind == RecoveryState.Kind.RECOVERY_FRAME) {
            listeners.push("*", msg);
            decide(l, msg);
            return false;
        }
        decide(l, null); // the first frame after a return was not a recovery frame: no recovery on this server
        if (kind == RecoveryState.Kind.DUPLICATE) {
            return false;
        }
        if (kind == RecoveryState.Kind.AFTER_GAP) {
            listeners.reset("gap", clientId());
        }
        Optional<String> text = RecoveryState.unwrappedText(msg);
        text.ifPresent(t -> listeners.push("text", JsonNodeFactory.instance.textNode(t)));
        return text.isEmpty();
    }

    /** The first frame after a return (null: none came, or another one): recovered, or a new connection. */
    private void decide(Link l, JsonNode frame) {
        synchronized (this) {
            if (deciding == null || deciding != l) {
                return;
            }
            deciding = null;
            decideTimeout.cancel(false);
        }
        if (frame != null && frame.path("recovered").asBoolean()) {
            String id = frame.path("client_id").asText();
            long missed = frame.path("missed").asLong();
            engine.flowAgain(l, listener -> listener.onRecovered(id, missed));
        } else {
            restore(l, frame == null ? "unsupported" : frame.path("reason").asText("expired"));
        }
    }

    /** A new connection after a reconnect: the resume hook restores server-side state before the queue goes out. */
    private void restore(Link l, String reason) {
        Consumer<ClientListener> reset = listener -> listener.onReset(reason, clientId());
        Resume hook = resume.get();
        if (hook == null) {
            engine.flowAgain(l, reset);
            return;
        }
        CompletionStage<?> restored;
        try {
            restored = hook.resume(engine.direct());
        } catch (RuntimeException e) {
            restored = CompletableFuture.failedFuture(e);
        }
        restored.whenComplete((r, e) -> {
            if (e != null) {
                LOG.log(System.Logger.Level.WARNING, "resume failed; sending the queue all the same", e);
            }
            engine.flowAgain(l, reset);
        });
    }
}
