package io.kalisocket.internal.exec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pool's threads that are running a task, and which of them are blocked rather than working.
 *
 * <p>A thread counts as blocked over a spell when its CPU time advanced by less than a small share of the
 * spell's wall time: a thread parked on a latch, waiting for a lock, sleeping or held in a socket read (a JDBC
 * call is RUNNABLE in native code, so its state alone would say "working") uses next to no CPU, while a thread
 * that computes gets CPU even on a starved machine (more runnable threads than cores share them, none gets
 * nothing for a whole spell). Where this JVM cannot measure thread CPU time, the thread's state decides.
 */
final class HeldThreads {

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuMeasured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();
    // Read and written by the monitor only (one call at a time): each thread's CPU time when the spell began.
    private final Map<Thread, Long> cpuAtSpellStart = new HashMap<>();

    /** @param thread a pool thread that starts a task */
    void started(Thread thread) {
        running.add(thread);
    }

    /** @param thread a pool thread that finished its task */
    void finished(Thread thread) {
        running.remove(thread);
    }

    /** Starts a spell: from now on, each running thread's CPU time is measured from its current value. */
    void startSpell() {
        cpuAtSpellStart.clear();
        for (Thread thread : running) {
            cpuAtSpellStart.put(thread, cpuNanos(thread));
        }
    }

    /**
     * @param spellNanos how long the spell has lasted, in wall time
     * @param minShare   the least share of that time a thread computes to count as working
     * @return how many running threads were blocked for the whole spell; a thread that started its task during
     *         the spell is not judged (it has not been held long enough)
     */
    int blockedOver(long spellNanos, double minShare) {
        long minCpu = (long) (spellNanos * minShare);
        int blocked = 0;
        for (Thread thread : running) {
            Long atStart = cpuAtSpellStart.get(thread);
            if (atStart != null && isBlocked(thread, atStart, minCpu)) {
                blocked++;
            }
        }
        return blocked;
    }

    private boolean isBlocked(Thread thread, long cpuAtStart, long minCpu) {
        long cpuNow = cpuNanos(thread);
        if (cpuAtStart < 0 || cpuNow < 0) {
            Thread.State state = thread.getState();
            return state == Thread.State.BLOCKED || state == Thread.State.WAITING
                    || state == Thread.State.TIMED_WAITING;
        }
        return cpuNow - cpuAtStart < minCpu;
    }

    private long cpuNanos(Thread thread) {
        return cpuMeasured ? threads.getThreadCpuTime(thread.getId()) : -1;
    }
}
