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

    private final LongAdder[] counters = new LongAdder[Counter.values().length];
    private final Map<Integer, LongAdder> repliesByCode = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> refusalsByReason = new ConcurrentHashMap<>();
    private final List<ActionObserver> actionObservers = new CopyOnWriteArrayList<>();
    private final List<Runnable> newKeyObservers = new CopyOnWriteArrayList<>();

    /** Every counter at zero. */
    public ServerStats() {
        for (int i = 0; i < counters.length; i++) {
            counters[i] = new LongAdder();
        }
    }

    /** @param counter what happened, once */
    public void count(Counter counter) {
        counters[counter.ordinal()].increment();
    }

    /** @param counter a counter @return its value */
    public long get(Counter counter) {
        return counters[counter.ordinal()].sum();
    }

    /** @param reason why the handshake was refused, e.g. {@code per-ip-limit}, {@code origin} */
    public void handshakeRefused(String reason) {
        count(Counter.HANDSHAKES_REFUSED);
        LongAdder n = refusalsByReason.get(reason);
        if (n == null) {
            n = refusalsByReason.computeIfAbsent(reason, r -> new LongAdder());
            newKeyObservers.forEach(Runnable::run);
        }
        n.increment();
    }

    /**
     * A client broke the WebSocket protocol and was closed by the frame decoder.
     *
     * @param closeCode the close code sent (1002, 1007 or 1009)
     */
    public void protocolViolation(int closeCode) {
        count(Counter.PROTOCOL_VIOLATIONS);
        if (closeCode == 1009) {
            count(Counter.OVERSIZED_CLOSES);
        }
    }

    /** @param code the code of a reply that was sent */
    public void reply(int code) {
        LongAdder n = repliesByCode.get(code);
        if (n == null) {
            n = repliesByCode.computeIfAbsent(code, c -> new LongAdder());
            newKeyObservers.forEach(Runnable::run);
        }
        n.increment();
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
        count(Counter.ACTIONS_RUN);
        for (ActionObserver observer : actionObservers) {
            observer.actionCompleted(controller, action, code, nanos);
        }
    }

    /** @param observer sees every action that runs from now on */
    public void observeActions(ActionObserver observer) {
        actionObservers.add(observer);
    }

    /**
     * @param observer told (more than once is possible) when a reply code or refusal reason is counted for the first
     *     time, so that its series can be registered before anyone scrapes
     */
    public void observeNewKeys(Runnable observer) {
        newKeyObservers.add(observer);
    }

    /** @return the connections open now */
    public long connectionsOpen() {
        return get(Counter.CONNECTIONS_OPENED) - get(Counter.CONNECTIONS_CLOSED);
    }

    /** @return every counter by name, for /status and the metrics */
    public Map<String, Long> snapshot() {
        Map<String, Long> s = new TreeMap<>();
        for (Counter counter : Counter.values()) {
            s.put(counter.key(), get(counter));
        }
        s.put("connections_open", connectionsOpen());
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
