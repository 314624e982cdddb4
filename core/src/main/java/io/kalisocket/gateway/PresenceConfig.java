package io.kalisocket.gateway;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Presence} batches: once per {@code interval} it sends everyone a count of the changes since the last
 * time, and the changes themselves, in frames of at most {@code maxEntriesPerFrame} entries, to the members of
 * {@code rosterGroup} only.
 *
 * @param interval how often the changes go out, on the server's clock; default 1 s. Longer means fewer frames and
 *     later news
 * @param maxEntriesPerFrame entries (online and offline together) in one frame; default 500 (about 25 KB of JSON
 *     with short uids). More changes in one interval go out as more frames, sent one after the other
 * @param rosterGroup the group whose members get the changes themselves (who came, who left); default
 *     {@code presence:roster}. Everyone else gets the counts only, so the bytes per interval grow with the clients plus
 *     the changes times the members of this group, not with the clients times the changes
 */
public record PresenceConfig(Duration interval, int maxEntriesPerFrame, String rosterGroup) {

    /** The default {@link #rosterGroup()}. */
    public static final String ROSTER_GROUP = "presence:roster";

    /**
     * @throws IllegalArgumentException when the interval is not positive, the cap is below 1 or the group's name
     *     is empty
     */
    public PresenceConfig {
        Objects.requireNonNull(rosterGroup, "rosterGroup");
        if (rosterGroup.isEmpty()) {
            throw new IllegalArgumentException("presence roster group must have a name");
        }
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("presence interval must be positive: " + interval);
        }
        if (maxEntriesPerFrame < 1) {
            throw new IllegalArgumentException("presence entries per frame must be at least 1: " + maxEntriesPerFrame);
        }
    }

    /**
     * @param interval how often the changes go out
     * @param maxEntriesPerFrame entries in one roster frame
     * @throws IllegalArgumentException as the canonical constructor
     */
    public PresenceConfig(Duration interval, int maxEntriesPerFrame) {
        this(interval, maxEntriesPerFrame, ROSTER_GROUP);
    }

    /** @return the defaults documented on each component: 1 s, 500 entries per frame, group {@code presence:roster} */
    public static PresenceConfig defaults() {
        return new PresenceConfig(Duration.ofSeconds(1), 500, ROSTER_GROUP);
    }

    /** @param value how often the changes go out @return a copy with that interval */
    public PresenceConfig withInterval(Duration value) {
        return new PresenceConfig(value, maxEntriesPerFrame, rosterGroup);
    }
}
