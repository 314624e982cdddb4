package io.kalisocket.cluster;

import io.kalisocket.KaliClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connections that changed node lately, each with the number of its claim (a counter in Redis, so in Redis's
 * order): a send script answers the counter as it was, and the sender's local delivery asks which connections were
 * claimed after that. Entries are kept far longer than a send's script-to-delivery time ({@link #KEEP} on the
 * server's clock), then dropped.
 *
 * @param <K> what is kept: a client id, or a connection
 */
final class ClaimLedger<K> {

    /** How long an entry is kept: far longer than a send's script-to-delivery time. */
    static final Duration KEEP = Duration.ofSeconds(30);

    private final Map<K, long[]> entries = new ConcurrentHashMap<>();
    private final KaliClock clock;

    /** @param clock the server's clock */
    ClaimLedger(KaliClock clock) {
        this.clock = clock;
    }

    /** @param key the connection @param claimNumber its claim's number */
    void add(K key, long claimNumber) {
        long now = clock.nanoTime();
        entries.values().removeIf(entry -> now - entry[1] > KEEP.toNanos());
        entries.put(key, new long[] {claimNumber, now});
    }

    /** @param counter the claim counter a send script answered @return the connections claimed after it */
    List<K> after(long counter) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<K> after = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry[0] > counter) {
                after.add(key);
            }
        });
        return after;
    }

    /** @return true when an entry is younger than {@link #KEEP}: a claim happened lately */
    boolean recent() {
        if (entries.isEmpty()) {
            return false;
        }
        long now = clock.nanoTime();
        return entries.values().stream().anyMatch(entry -> now - entry[1] <= KEEP.toNanos());
    }

    /** @param nanos a time on the server's clock @return the entries added at or after it */
    List<K> since(long nanos) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<K> added = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry[1] >= nanos) {
                added.add(key);
            }
        });
        return added;
    }
}
