package io.kalisocket.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Presence} batches: once per {@code interval} it sends every change since the last time, in frames of
 * at most {@code maxEntriesPerFrame} entries.
 *
 * @param interval how often the changes go out, on the server's clock; default 1 s. Longer means fewer frames and
 *     later news
 * @param maxEntriesPerFrame entries (online and offline together) in one frame; default 500 (about 25 KB of JSON
 *     with short uids). More changes in one interval go out as more frames, sent one after the other
 */
public record PresenceConfig(Duration interval, int maxEntriesPerFrame) {

    /** @throws IllegalArgumentException when the interval is not positive or the cap is below 1 */
    public PresenceConfig {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("presence interval must be positive: " + interval);
        }
        if (maxEntriesPerFrame < 1) {
            throw new IllegalArgumentException("presence entries per frame must be at least 1: " + maxEntriesPerFrame);
        }
    }

    /** @return the defaults documented on each component: 1 s, 500 entries per frame */
    public static PresenceConfig defaults() {
        return new PresenceConfig(Duration.ofSeconds(1), 500);
    }

    /** @param value how often the changes go out @return a copy with that interval */
    public PresenceConfig withInterval(Duration value) {
        return new PresenceConfig(value, maxEntriesPerFrame);
    }
}
