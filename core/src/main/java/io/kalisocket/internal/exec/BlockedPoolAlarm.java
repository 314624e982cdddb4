package io.kalisocket.internal.exec;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns when the {@link ElasticPool} is held at its maximum by actions that block, not by a lack of CPU.
 *
 * <p>At its maximum with nothing taken for a tick, the pool may be starved of CPU rather than blocked: on few cores,
 * a burst of connects holds every thread although none waits for anything. So it warns only after a spell of
 * {@link #JUDGED_OVER} in which nothing was taken, and only when at least half of the pool's threads used almost no
 * CPU in that spell ({@link HeldThreads}): those really wait, and more threads would help. At most once a minute.
 * Called by the pool's monitor only, one call at a time.
 */
final class BlockedPoolAlarm {

    private static final Logger log = LoggerFactory.getLogger(BlockedPoolAlarm.class);
    /** How long the pool must be held at its maximum before its threads are judged blocked or working. */
    static final Duration JUDGED_OVER = Duration.ofSeconds(1);
    /** A thread that computed less than this share of a spell's wall time waited (a starved one gets more). */
    static final double WORKING_SHARE = 0.01;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final HeldThreads held;
    private final int max;
    private long lastWarnNanos = -WARN_EVERY_NANOS;
    private long spellStartNanos = -1; // when the pool was first seen held at its maximum; -1 while it is not
    private Map<Thread, Long> cpuAtSpellStart = Map.of();

    /**
     * @param held the pool's running threads
     * @param max  the pool's most threads
     */
    BlockedPoolAlarm(HeldThreads held, int max) {
        this.held = held;
        this.max = max;
    }

    /** The pool is below its maximum, or took a task since the last look: any spell ends. */
    void notHeld() {
        spellStartNanos = -1;
    }

    /**
     * A look saw nothing taken for a tick at the maximum: starts a spell, and at its end warns if the threads wait.
     *
     * @param nowNanos the time of the look, on the server's clock
     * @param waiting  tasks waiting in the queue
     */
    void nothingTakenAtMaximum(long nowNanos, int waiting) {
        if (spellStartNanos < 0) {
            spellStartNanos = nowNanos;
            cpuAtSpellStart = held.cpuNow();
            return;
        }
        long spell = nowNanos - spellStartNanos;
        if (spell < JUDGED_OVER.toNanos()) {
            return;
        }
        int blocked = held.blockedSince(cpuAtSpellStart, spell, WORKING_SHARE);
        spellStartNanos = nowNanos; // the next judgement covers a fresh spell
        cpuAtSpellStart = held.cpuNow();
        if (blocked * 2 >= max && nowNanos - lastWarnNanos >= WARN_EVERY_NANOS) {
            lastWarnNanos = nowNanos;
            log.warn("{} of {} action threads waited for {} ms without computing and {} tasks wait: actions block "
                    + "for long; raise execution.pool-size, or use Java 21+ (virtual threads)", blocked, max,
                    TimeUnit.NANOSECONDS.toMillis(spell), waiting);
        }
    }
}
