package io.kalisocket.internal.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * The server's counters: nothing is dropped, refused or closed without being counted here. Cheap to
 * update from any thread (striped adders); read by the admin endpoint and the metrics.
 */
public final class ServerStats {

    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder handshakesRefused = new LongAdder();
    private final LongAdder messagesIn = new LongAdder();
    private final LongAdder messagesOut = new LongAdder();
    private final LongAdder heartbeats = new LongAdder();
    private final LongAdder receipts = new LongAdder();
    private final LongAdder dedupHits = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder slowConsumerCloses = new LongAdder();
    private final LongAdder idleCloses = new LongAdder();
    private final LongAdder oversizedCloses = new LongAdder();
    private final LongAdder queueFull = new LongAdder();
    private final LongAdder protocolViolations = new LongAdder();
    private final Map<Integer, LongAdder> repliesByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusalsByReason = new ConcurrentHashMap<>();
    private final LongAdder actionsRun = new LongAdder();
    private final List<ActionObserver> actionObservers = new CopyOnWriteArrayList<>();

    /** A connection completed its WebSocket handshake. */
    public void connectionOpened() {
        connectionsOpened.increment();
    }

    /** An upgraded connection closed. */
    public void connectionClosed() {
        connectionsClosed.increment();
    }

    /** @param reason why the handshake was refused, e.g. {@code per-ip-limit}, {@code origin} */
    public void handshakeRefused(String reason) {
        handshakesRefused.increment();
        refusalsByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /** A text frame arrived. */
    public void messageIn() {
        messagesIn.increment();
    }

    /** A data frame was handed to a socket. */
    public void messageOut() {
        messagesOut.increment();
    }

    /** A heartbeat was answered. */
    public void heartbeat() {
        heartbeats.increment();
    }

    /** A receipt was sent. */
    public void receipt() {
        receipts.increment();
    }

    /** A repeated msgid inside the window was acknowledged but not run. */
    public void dedupHit() {
        dedupHits.increment();
    }

    /** A message was refused by the connection's rate limit. */
    public void rateLimited() {
        rateLimited.increment();
    }

    /** An outbound message was dropped under the {@code drop} slow-consumer policy. */
    public void dropped() {
        dropped.increment();
    }

    /** A slow consumer was closed with 1008. */
    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    /** A connection was closed for being idle. */
    public void idleClosed() {
        idleCloses.increment();
    }

    /** A connection was closed with 1009 for an oversized message. */
    public void oversizedClosed() {
        oversizedCloses.increment();
    }

    /**
     * A client broke the WebSocket protocol and was closed by the frame decoder.
     *
     * @param closeCode the close code sent (1002, 1007 or 1009)
     */
    public void protocolViolation(int closeCode) {
        protocolViolations.increment();
        if (closeCode == 1009) {
            oversizedCloses.increment();
        }
    }

    /** A message was refused because its connection's queue was full. */
    public void queueFull() {
        queueFull.increment();
    }

    /** @param code the code of a reply that was sent */
    public void reply(int code) {
        repliesByCode.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    /**
     * An action ran: counted, and handed to every {@link ActionObserver} (the metrics' latency histograms).
     * Called by the dispatcher once per invocation.
     *
     * @param controller the route's {@code ct}
     * @param action the route's {@code ac}
     * @param code the reply code, 0 for success
     * @param nanos how long the action took
     */
    public void actionCompleted(String controller, String action, int code, long nanos) {
        actionsRun.increment();
        for (ActionObserver observer : actionObservers) {
            observer.actionCompleted(controller, action, code, nanos);
        }
    }

    /** @param observer sees every action that runs from now on */
    public void observeActions(ActionObserver observer) {
        actionObservers.add(observer);
    }

    /** @return the connections open now */
    public long connectionsOpen() {
        return connectionsOpened.sum() - connectionsClosed.sum();
    }

    /** @return every counter by name, for /status and the metrics */
    public Map<String, Long> snapshot() {
        Map<String, Long> s = new TreeMap<>();
        s.put("connections_opened", connectionsOpened.sum());
        s.put("connections_closed", connectionsClosed.sum());
        s.put("connections_open", connectionsOpen());
        s.put("handshakes_refused", handshakesRefused.sum());
        s.put("messages_in", messagesIn.sum());
        s.put("messages_out", messagesOut.sum());
        s.put("heartbeats", heartbeats.sum());
        s.put("receipts", receipts.sum());
        s.put("dedup_hits", dedupHits.sum());
        s.put("rate_limited", rateLimited.sum());
        s.put("dropped", dropped.sum());
        s.put("slow_consumer_closes", slowConsumerCloses.sum());
        s.put("idle_closes", idleCloses.sum());
        s.put("oversized_closes", oversizedCloses.sum());
        s.put("queue_full", queueFull.sum());
        s.put("actions_run", actionsRun.sum());
        s.put("protocol_violations", protocolViolations.sum());
        return s;
    }

    /** @return replies sent, by code */
    public Map<Integer, Long> repliesByCode() {
        Map<Integer, Long> s = new TreeMap<>();
        repliesByCode.forEach((code, n) -> s.put(code, n.sum()));
        return s;
    }

    /** @return refused handshakes, by reason */
    public Map<String, Long> refusalsByReason() {
        Map<String, Long> s = new TreeMap<>();
        refusalsByReason.forEach((reason, n) -> s.put(reason, n.sum()));
        return s;
    }
}
