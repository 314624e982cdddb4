package io.kalisocket;

import java.util.Map;

/**
 * A snapshot of a running server's counters, as {@code /status} shows them.
 *
 * @param totals every counter by name ({@code connections_open}, {@code messages_in}, {@code rate_limited},
 *     {@code dropped}, ...; docs/CONFIG.md lists them)
 * @param repliesByCode replies sent, by reply code (0 = ok)
 * @param refusalsByReason refused handshakes, by reason (e.g. {@code max-connections-per-ip})
 */
public record ServerCounters(Map<String, Long> totals, Map<Integer, Long> repliesByCode,
        Map<String, Long> refusalsByReason) {

    /** Copies the maps: a snapshot does not change. */
    public ServerCounters {
        totals = Map.copyOf(totals);
        repliesByCode = Map.copyOf(repliesByCode);
        refusalsByReason = Map.copyOf(refusalsByReason);
    }

    /**
     * @param name a counter's name, e.g. {@code connections_open}
     * @return its value; 0 for a name that is not counted
     */
    public long get(String name) {
        return totals.getOrDefault(name, 0L);
    }
}
