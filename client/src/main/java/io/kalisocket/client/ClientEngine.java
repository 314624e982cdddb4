package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.client.PendingCalls.Call;
import io.kalisocket.client.ReconnectPolicy.Attempt;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * The state machine behind {@link KaliClient}: one {@link Link} at a time, the pending calls, the queue kept
 * while disconnected, the timers, the reconnects ({@link ReconnectPolicy}) and connection recovery
 * ({@link RecoveryFlow}). State changes under this object's lock; futures and listeners run outside it.
 */
final class ClientEngine implements Link.Events, RecoveryFlow.Engine, IncomingFrames.Calls {

    private final URI uri;
    private final ClientOptions options;
    private final ClientRuntime runtime;
    private final Listeners listeners;
    private final Timers timers;
    private final PendingCalls pending = new PendingCalls();
    private final RecoveryFlow recovery;
    private final Outbox outbox;
    private final IncomingFrames incoming;
    private final ReconnectPolicy reconnects;
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private ClientState state = ClientState.CONNECTING;
    private Link link;
    private boolean started;
    private boolean opened;
    private boolean resuming;
    private volatile Resume resume;

    ClientEngine(URI uri, ClientOptions options, ClientRuntime runtime, Listeners listeners) {
        this.uri = uri;
        this.options = options;
        this.runtime = runtime;
        this.listeners = listeners;
        this.timers = new Timers(runtime.scheduler(), options.clock());
        this.outbox = new Outbox(options.maxQueue());
        this.recovery = new RecoveryFlow(options, timers, listeners, this, () -> resume);
        this.incoming = new IncomingFrames(options, runtime.mapper(), listeners, recovery, this);
        this.reconnects = new ReconnectPolicy(options, () -> ThreadLocalRandom.current().nextDouble());
    }

    synchronized CompletableFuture<Void> connect() {
        if (!started && state != ClientState.CLOSED) {
            started = true;
            openLink();
        }
        return ready;
    }

    CompletableFuture<Void> ready() {
        return ready;
    }

    synchronized ClientState state() {
        return state;
    }

    Optional<String> clientId() {
        return recovery.clientId();
    }

    synchronized Optional<String> subprotocol() {
        return Optional.ofNullable(isOpen() ? link.subprotocol() : null).filter(p -> !p.isEmpty());
    }

    void resume(Resume hook) {
        this.resume = hook;
    }

    /** @param direct true for calls made by {@link Resume}: sent at once while the queue waits */
    CompletableFuture<JsonNode> call(ObjectNode frame, boolean direct) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        synchronized (this) {
            if (state == ClientState.CLOSED) {
                return CompletableFuture.failedFuture(new ReplyException(ReplyException.CLOSED, "closed", null));
            }
            boolean now = direct ? isOpen() : flowing();
            if (!now && outbox.isFull()) {
                return CompletableFuture.failedFuture(new ReplyException(ReplyException.QUEUE_FULL, "queue full", null));
            }
            String msgid = pending.nextMsgid();
            Call call = new Call(msgid, frame.put("msgid", msgid).toString(), future, direct);
            pending.add(call);
            call.timeout = timers.once(options.callTimeout(), () -> timedOut(msgid));
            if (now) {
                transmit(call);
            } else {
                outbox.add(call);
            }
        }
        return future;
    }

    synchronized boolean send(String text) {
        if (state == ClientState.CLOSED || !flowing() && outbox.isFull()) {
            return false;
        }
        if (flowing()) {
            link.send(text);
        } else {
            outbox.add(text);
        }
        return true;
    }

    void close() {
        finish(1000, "", true, new ReplyException(ReplyException.CLOSED, "closed", null));
    }

    @Override
    public void opened(Link l) {
        boolean again;
        synchronized (this) {
            if (l != link || state == ClientState.CLOSED) {
                l.close(1000, "");
                return;
            }
            again = opened;
            opened = true;
            reconnects.opened();
            state = ClientState.OPEN;
            timers.startOpen(options, () -> ping(l), this::resendDue, () -> l.abort("no heartbeat"));
            // After a reconnect nothing queued goes out until recovery knows whether the server kept our connection.
            resuming = again;
        }
        recovery.opened(l, again);
    }

    @Override
    public Resume.Direct direct() {
        return (ct, ac, params) -> call(Frames.call(runtime.mapper(), ct, ac, params), true);
    }

    /** Resends unacknowledged calls, sends the queue in order, then reports the open and the outcome. */
    @Override
    public void flowAgain(Link l, Consumer<ClientListener> outcome) {
        synchronized (this) {
            if (l != link || state != ClientState.OPEN) {
                return;
            }
            resuming = false;
            pending.unacknowledged().stream().filter(c -> !c.direct).forEach(this::transmit);
            outbox.drain(pending, this::transmit, l::send);
        }
        ready.complete(null);
        listeners.opened(outcome);
    }

    @Override
    public void text(Link l, String text) {
        synchronized (this) {
            if (l != link) {
                return;
            }
        }
        timers.alive();
        incoming.route(l, text);
    }

    /** A final refusal ({@link ReconnectPolicy#isFinalRefusal}) ends the client; the others are retried. */
    @Override
    public void refused(Link l, int status) {
        boolean isFinal = ReconnectPolicy.isFinalRefusal(status);
        synchronized (this) {
            if (l != link || state == ClientState.CLOSED) {
                return;
            }
        }
        listeners.refused(status, isFinal);
        String reason = "upgrade refused: HTTP " + status;
        if (isFinal) {
            finish(Link.ABNORMAL, reason, false, new ReplyException(status, reason, null));
        } else {
            closed(l, Link.ABNORMAL, reason);
        }
    }

    @Override
    public void closed(Link l, int code, String reason) {
        boolean wasOpen;
        synchronized (this) {
            if (l != link || state == ClientState.CLOSED) {
                return;
            }
            wasOpen = state == ClientState.OPEN;
            resuming = false;
            recovery.closed();
            timers.stopOpen();
        }
        if (reconnects.isFinalClose(code)) {
            finish(code, reason, false, new ReplyException(ReplyException.CLOSED,
                    reason == null || reason.isEmpty() ? "closed" : "closed: " + reason, null));
            return;
        }
        if (wasOpen) {
            listeners.closed(code, reason, false);
        }
        Attempt next;
        synchronized (this) {
            state = ClientState.RECONNECTING;
            next = reconnects.next();
            timers.reconnect(next.delay(), this::openLink);
        }
        listeners.reconnecting(next.number(), next.delay());
    }

    private synchronized void openLink() {
        if (state != ClientState.CLOSED) {
            Map<String, String> query = new LinkedHashMap<>(options.query());
            query.putAll(recovery.nextQuery());
            link = Link.open(runtime.http(), Frames.connectUri(uri, query), options, this);
        }
    }

    /** @param notReady what {@code ready()} fails with if the client never opened */
    private void finish(int code, String reason, boolean byClient, ReplyException notReady) {
        List<Call> failed;
        synchronized (this) {
            if (state == ClientState.CLOSED) {
                return;
            }
            state = ClientState.CLOSED;
            timers.stopAll();
            if (link != null && byClient) {
                link.close(code, reason);
            }
            link = null;
            outbox.clear();
            failed = pending.drain();
        }
        failed.forEach(c -> c.fail(ReplyException.CLOSED, "closed"));
        ready.completeExceptionally(notReady);
        listeners.closed(code, reason, true);
    }

    @Override
    public synchronized void acknowledged(String msgid) {
        pending.ack(msgid);
    }

    @Override
    public boolean settled(String msgid, JsonNode reply) {
        Call call = take(msgid);
        if (call != null) {
            call.settle(reply); // outside the lock: the future's callbacks are the application's
        }
        return call != null;
    }

    private void timedOut(String msgid) {
        Optional.ofNullable(take(msgid)).ifPresent(call -> call.fail(ReplyException.TIMEOUT, "timeout"));
    }

    private synchronized Call take(String msgid) {
        Call call = pending.remove(msgid);
        outbox.remove(call);
        return call;
    }

    private synchronized void resendDue() {
        if (isOpen()) {
            pending.dueForResend(timers.now(), options.resendInterval().toNanos()).stream()
                    .filter(c -> c.direct || !resuming)
                    .forEach(this::transmit);
        }
    }

    private synchronized void ping(Link l) {
        if (l == link && isOpen()) {
            l.send(options.heartbeatPing());
        }
    }

    private void transmit(Call call) {
        call.markSent(timers.now());
        link.send(call.frame);
    }

    private boolean isOpen() {
        return state == ClientState.OPEN && link != null;
    }

    /** Open and not restoring state after a reconnect: frames may go out at once. */
    private boolean flowing() {
        return isOpen() && !resuming;
    }
}
