package io.kalisocket.db;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * Picks the replica for the next read: round-robin over the healthy ones. A replica marked down is
 * skipped until {@code retryAfter} has passed, then tried again.
 *
 * @param <R> what a replica is (a pool; a name in tests)
 */
final class Replicas<R> {

    private static final long UP = 0;

    private final List<R> replicas;
    private final AtomicLongArray downUntil;
    private final AtomicInteger next = new AtomicInteger();
    private final long retryAfterNanos;
    private final LongSupplier nanoTime;

    /**
     * @param replicas the replicas, in configuration order
     * @param retryAfter how long a failed replica is skipped
     * @param nanoTime the clock ({@code System::nanoTime}; a fake one in tests)
     */
    Replicas(List<R> replicas, Duration retryAfter, LongSupplier nanoTime) {
        this.replicas = List.copyOf(replicas);
        this.downUntil = new AtomicLongArray(replicas.size());
        this.retryAfterNanos = retryAfter.toNanos();
        this.nanoTime = nanoTime;
    }

    /**
     * The next healthy replica.
     *
     * @return a replica, or empty when there are none or all are marked down
     */
    Optional<R> pick() {
        int size = replicas.size();
        long now = nanoTime.getAsLong();
        int start = Math.floorMod(next.getAndIncrement(), Math.max(size, 1));
        for (int i = 0; i < size; i++) {
            int index = (start + i) % size;
            long until = downUntil.get(index);
            // 0 means never marked down; otherwise compare by difference, as nanoTime may be negative.
            if (until == UP || now - until >= 0) {
                return Optional.of(replicas.get(index));
            }
        }
        return Optional.empty();
    }

    /** Skips a replica for {@code retryAfter} from now. */
    void markDown(R replica) {
        int index = replicas.indexOf(replica);
        if (index >= 0) {
            long until = nanoTime.getAsLong() + retryAfterNanos;
            downUntil.set(index, until == UP ? UP + 1 : until);
        }
    }

    /** Tells whether a value is one of the replicas. */
    boolean contains(R candidate) {
        return replicas.contains(candidate);
    }

    /** All replicas, in configuration order. */
    List<R> all() {
        return replicas;
    }
}
