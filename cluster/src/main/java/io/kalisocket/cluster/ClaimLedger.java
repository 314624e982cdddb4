package io.kalisocket.cluster;

import io.kalisocket.KaliClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Connections that changed node lately, each with the versions at which its claim switched its entities (a user, its
 * groups, itself, everyone; {@link RouteStamp}), which Redis numbered in its own order: a delivery's stamp says which
 * versions its lookup saw, and the node asks which connections were switched after that. Entries are kept far longer
 * than a send's lookup-to-delivery time ({@link #KEEP} on the server's clock), then dropped.
 *
 * @param <K> what is kept: a client id, or a connection
 */
final class ClaimLedger<K> {

    /** How long an entry is kept: far longer than a send's lookup-to-delivery time. */
    static final Duration KEEP = Duration.ofSeconds(30);

    private record Entry(Map<String, Long> switches, long added) {
    }

    private final Map<K, Entry> entries = new ConcurrentHashMap<>();
    private final KaliClock clock;

    /** @param clock the server's clock */
    ClaimLedger(KaliClock clock) {
        this.clock = clock;
    }

    /**
     * @param key the connection
     * @param switches entity -> the version its claim switched it at
     */
    void add(K key, Map<String, Long> switches) {
        long now = clock.nanoTime();
        entries.values().removeIf(entry -> now - entry.added() > KEEP.toNanos());
        entries.put(key, new Entry(Map.copyOf(switches), now));
    }

    /**
     * @param test given a connection and the versions its claim switched its entities at: whether it is wanted
     * @return the connections wanted
     */
    List<K> where(BiPredicate<K, Map<String, Long>> test) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<K> found = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (test.test(key, entry.switches())) {
                found.add(key);
            }
        });
        return found;
    }

    /** @return true when an entry is younger than {@link #KEEP}: a claim happened lately */
    boolean recent() {
        if (entries.isEmpty()) {
            return false;
        }
        long now = clock.nanoTime();
        return entries.values().stream().anyMatch(entry -> now - entry.added() <= KEEP.toNanos());
    }

    /** @param nanos a time on the server's clock @return the entries added at or after it */
    List<K> since(long nanos) {
        if (entries.isEmpty()) {
            return List.of();
        }
        List<K> added = new ArrayList<>();
        entries.forEach((key, entry) -> {
            if (entry.added() >= nanos) {
                added.add(key);
            }
        });
        return added;
    }
}
