package io.kalisocket.internal.recovery;

import io.kalisocket.config.RecoveryConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Recovery's counters, for {@code /status} and the metrics. Cheap to update from any thread. */
final class RecoveryStats {

    private final LongAdder streams = new LongAdder();
    private final LongAdder keptBytes = new LongAdder();
    private final LongAdder parks = new LongAdder();
    private final LongAdder recovered = new LongAdder();
    private final LongAdder expired = new LongAdder();
    private final LongAdder overflowed = new LongAdder();
    private final LongAdder claimed = new LongAdder();
    private final LongAdder claimedAway = new LongAdder();
    private final Map<String, LongAdder> failedByReason = new ConcurrentHashMap<>();

    /** A recoverable connection began. */
    void streamOpened() {
        streams.increment();
    }

    /** A recoverable connection finished for good. */
    void streamClosed() {
        streams.decrement();
    }

    /** @param delta bytes kept by some stream, more or fewer */
    void keptBytes(long delta) {
        keptBytes.add(delta);
    }

    /** A connection was parked. */
    void parked() {
        parks.increment();
    }

    /** A client got its connection back. */
    void recovered() {
        recovered.increment();
    }

    /** A parked connection's window passed. */
    void expired() {
        expired.increment();
    }

    /** A parked connection had to drop a push it never wrote, and was finished. */
    void overflowed() {
        overflowed.increment();
    }

    /** A client returned to this node for a connection another node held. */
    void claimed() {
        claimed.increment();
    }

    /** A connection of this node was taken over by another node its client returned to. */
    void claimedAway() {
        claimedAway.increment();
    }

    /** @param reason why a return failed ({@code expired}, {@code epoch}, {@code overflow}, {@code invalid}) */
    void failed(String reason) {
        failedByReason.computeIfAbsent(reason, r -> new LongAdder()).increment();
    }

    /**
     * @param config the caps and window
     * @param parkedNow connections parked now
     * @param bufferedBytes bytes kept by the parked ones
     * @return recovery's {@code /status} section: the settings, then the counters
     */
    Map<String, Object> status(RecoveryConfig config, int parkedNow, long bufferedBytes) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("enabled", true);
        s.put("window_seconds", config.window().toSeconds());
        s.put("max_messages", config.maxMessages());
        s.put("max_bytes", config.maxBytes());
        s.putAll(snapshot(parkedNow, bufferedBytes));
        return s;
    }

    /**
     * @param parkedNow connections parked now
     * @param bufferedBytes bytes kept by the parked ones
     * @return the counters by name
     */
    Map<String, Object> snapshot(int parkedNow, long bufferedBytes) {
        Map<String, Object> s = new TreeMap<>();
        s.put("parked", parkedNow);
        s.put("buffered_bytes", bufferedBytes);
        s.put("streams", streams.sum());
        s.put("kept_bytes", keptBytes.sum());
        s.put("parked_total", parks.sum());
        s.put("recovered", recovered.sum());
        s.put("expired", expired.sum());
        s.put("overflowed", overflowed.sum());
        s.put("claimed", claimed.sum());
        s.put("claimed_away", claimedAway.sum());
        Map<String, Long> failed = new TreeMap<>();
        failedByReason.forEach((reason, n) -> failed.put(reason, n.sum()));
        s.put("failed_by_reason", failed);
        return s;
    }
}
