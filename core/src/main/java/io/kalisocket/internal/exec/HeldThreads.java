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
 * <p>A thread counts as blocked over a time when its CPU time advanced by less than a small share of it: a thread
 * parked on a latch, waiting for a lock, sleeping or held in a socket read (a JDBC call is RUNNABLE in native code,
 * so its state alone would say "working") uses next to no CPU, while a thread that computes gets CPU even on a
 * starved machine (more runnable threads than cores share them, none gets nothing for long). Where this JVM cannot
 * measure thread CPU time, the thread's state decides.
 */
final class HeldThreads {

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final boolean cpuMeasured = threads.isThreadCpuTimeSupported() && threads.isThreadCpuTimeEnabled();

    /** @param thread a pool thread that starts a task */
    void started(Thread thread) {
        running.add(thread);
    }

    /** @param thread a pool thread that finished its task */
    void finished(Thread thread) {
        running.remove(thread);
    }

    /** @return the CPU time of each thread running a task now (-1 where unknown): the start of a judgement */
    Map<Thread, Long> cpuNow() {
        Map<Thread, Long> now = new HashMap<>();
        for (Thread thread : running) {
            now.put(thread, cpuNanos(thread));
        }
        return now;
    }

    /**
     * @param since  a reading of {@link #cpuNow()}, taken {@code wallNanos} ago
     * @param wallNanos the wall time since that reading
     * @param minShare  the least share of that time a thread computes to count as working
     * @return how many threads of that reading still run and were blocked since; a thread that started its task
     *         after it is not judged (it has not been held long enough)
     */
    int blockedSince(Map<Thread, Long> since, long wallNanos, double minShare) {
        long minCpu = (long) (wallNanos * minShare);
        int blocked = 0;
        for (Thread thread : running) {
            Long atStart = since.get(thread);
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
