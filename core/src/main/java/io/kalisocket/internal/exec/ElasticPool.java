package io.kalisocket.internal.exec;

import io.kalisocket.KaliClock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform pool of actions (Java 17): as few threads as there are cores, and more, up to a maximum,
 * only while work waits in the queue although the CPUs are not all busy, which is how actions that block (a
 * JDBC call, a remote call) look from outside. The extra threads go back after a quiet period.
 *
 * <p>Why not a fixed pool sized for blocking actions: every idle thread a task wakes costs a wake-up and a
 * context switch, and on few cores that is most of a short action's cost (on one core, `echo` ran 0.86x the
 * bare-Netty baseline on 16 threads and 1.68x on one; docs/BENCHMARKS.md). Why not grow on a full queue as
 * {@link ThreadPoolExecutor} does: the queue is unbounded (bounded per connection instead), so it never is.
 *
 * <p>A monitor thread looks every {@code tick}: it grows the pool (doubling, at most to the maximum) when a task
 * waited a whole tick (fewer tasks were taken since the last look than waited then: the queue is first in, first
 * out) while the process used less than three quarters of its cores, or when nothing was taken for a whole tick
 * although tasks waited (every thread is held) and some held thread used almost no CPU in it: it waits (a JDBC
 * call), so another thread would get on. Held threads that all compute on busy cores (a cold start's class loading
 * and JIT did this) would only be slowed down by company. A queue that is seldom empty but worked off within a tick
 * (short actions at a high rate) is not a reason to grow: more threads would only take turns, each waking colder.
 * After {@code keepAlive} in which no look found a reason to grow, it shrinks to twice the tasks that ran at once on
 * average in that time, as each look counted them (at least the minimum): an idle pool goes back to its minimum, a
 * pool grown by a burst or a pause sheds the threads steady work does not use, and work that blocks keeps what it
 * needs (should it be too few, the pool grows again). Not the most that ran at once: on few cores, each task wakes
 * the next thread, so a batch of short tasks runs on many threads by turns, all started, though one would do.
 * Shrinking is not left to {@link ThreadPoolExecutor}'s keep-alive either: its idle threads wait first in, first
 * out, so under steady short work every thread is woken in turn and none ever times out (16 threads taking turns on
 * one core cost 5-20 % more CPU than one). So the pool's maximum follows its size, and threads above it leave as
 * soon as they are idle. The ticks are the server's clock's, so a test's fake clock drives the monitor too.
 *
 * <p>At its maximum with nothing taken for a tick, the pool may be starved of CPU rather than blocked: on few
 * cores, a burst of connects holds every thread although none waits for anything. So it warns only after a
 * spell in which nothing was taken, and only when at least half of its threads used almost no CPU in that spell
 * ({@link BlockedPoolAlarm}): those really wait, and more threads would help.
 */
public final class ElasticPool extends ThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(ElasticPool.class);
    /** Below this share of all cores the process counts as not busy: threads are waiting, not computing. */
    private static final double BUSY = 0.75;
    /** Threads kept when shrinking, per task that ran at once on average: room for the average's ups. */
    private static final int HEADROOM = 2;

    private final int min;
    private final int max;
    private final int cores;
    private final long shrinkAfterTicks;
    private final CpuClock cpu;
    private final ScheduledExecutorService monitor;
    private final KaliClock clock;
    private final long tickNanos;
    private final HeldThreads held = new HeldThreads();
    private final BlockedPoolAlarm alarm;
    /** Tasks taken from the queue so far: the looks compare it with how many waited. */
    private final AtomicLong taken = new AtomicLong();
    /** True while the monitor has no look scheduled; the next {@link #execute} schedules one. */
    private final AtomicBoolean asleep = new AtomicBoolean();
    // Read and written by adjust() only, which runs on the monitor thread (or a test's thread) one call at a time.
    private int waitingAtLastLook;
    private long takenAtLastLook;
    private long lastCpuNanos;
    private long lastWallNanos;
    private long ticksWithoutNeed;
    private long runningSeen; // tasks seen running, summed over the looks since the last that found a need
    private Map<Thread, Long> cpuAtLastLook = Map.of(); // of the running threads, read when tasks waited

    /**
     * A pool with its own monitor thread.
     *
     * @param min       threads kept (at least 1)
     * @param max       most threads (at least {@code min})
     * @param tick      how often the monitor looks, on {@code clock}
     * @param keepAlive quiet time before the pool shrinks back to {@code min}
     * @param threads   makes the pool's threads
     * @param clock     the server's clock: it times the looks and measures the time between them
     * @return the pool, monitored; shutting it down stops the monitor
     */
    public static ElasticPool start(int min, int max, Duration tick, Duration keepAlive, ThreadFactory threads,
            KaliClock clock) {
        ElasticPool pool = new ElasticPool(min, max, tick, keepAlive, threads, CpuClock.ofProcess(), clock, true);
        pool.nextLook();
        return pool;
    }

    /**
     * A pool that nothing adjusts but calls of {@link #adjust()}: for tests, which look when they choose.
     *
     * @param min       threads kept
     * @param max       most threads
     * @param tick      the time one call of {@link #adjust()} stands for
     * @param keepAlive quiet time before shrinking
     * @param threads   makes the pool's threads
     * @param cpu       the process's CPU clock
     * @param clock     measures the time between looks
     * @return the pool
     */
    static ElasticPool unmonitored(int min, int max, Duration tick, Duration keepAlive, ThreadFactory threads,
            CpuClock cpu, KaliClock clock) {
        return new ElasticPool(min, max, tick, keepAlive, threads, cpu, clock, false);
    }

    private ElasticPool(int min, int max, Duration tick, Duration keepAlive, ThreadFactory threads, CpuClock cpu,
            KaliClock clock, boolean monitored) {
        // The maximum follows the size (see resize); the keep-alive then only applies to threads above it: none.
        super(requireMin(min, max), min, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(),
                threads);
        this.min = min;
        this.max = max;
        this.cores = Runtime.getRuntime().availableProcessors();
        this.shrinkAfterTicks = Math.max(1, keepAlive.toNanos() / tick.toNanos());
        this.cpu = cpu;
        this.clock = clock;
        this.tickNanos = tick.toNanos();
        this.monitor = monitored ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kali-action-monitor");
            t.setDaemon(true);
            return t;
        }) : null;
        this.alarm = new BlockedPoolAlarm(held, max);
        this.lastCpuNanos = cpu.processCpuNanos();
        this.lastWallNanos = clock.nanoTime();
    }

    private static int requireMin(int min, int max) {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min " + min + ", max " + max);
        }
        return min;
    }

    /**
     * Schedules the monitor's next look, one tick from now: a fixed delay between looks, on the clock. The looks go
     * on while a stopping pool drains its queue, and end when it has terminated (its monitor is down then).
     */
    private void nextLook() {
        try {
            clock.schedule(monitor, () -> {
                try {
                    adjust();
                } finally {
                    if (!fallAsleep()) {
                        nextLook();
                    }
                }
            }, Duration.ofNanos(tickNanos));
        } catch (RejectedExecutionException terminated) {
            // no look is due any more
        }
    }

    /**
     * After a look: with nothing waiting and nothing to shrink, the monitor stops looking until a task comes.
     *
     * @return true when asleep (no look scheduled)
     */
    private boolean fallAsleep() {
        if (getQueue().peek() != null || getCorePoolSize() > min) {
            return false;
        }
        asleep.set(true);
        // A task offered meanwhile either sees the flag (and schedules the look) or is seen here.
        return getQueue().peek() == null || !asleep.compareAndSet(true, false);
    }

    @Override
    public void execute(Runnable command) {
        super.execute(command);
        if (asleep.get() && asleep.compareAndSet(true, false)) {
            nextLook();
        }
    }

    /** One look at the queue and the CPU: grows, shrinks or leaves the pool as it is (see the class comment). */
    void adjust() {
        // The count before the queue: a task taken in between counts as taken, never as waiting too long.
        long takenNow = taken.get();
        int waiting = getQueue().size();
        long takenSince = takenNow - takenAtLastLook;
        boolean stuck = waitingAtLastLook > 0 && takenSince == 0;
        boolean waitedATick = waitingAtLastLook > 0 && takenSince < waitingAtLastLook;
        waitingAtLastLook = waiting;
        takenAtLastLook = takenNow;
        // The CPU clock is read only while tasks wait: an idle pool's looks cost a queue size and nothing else.
        double busy = waiting > 0 ? cpuShareSinceLastLook() : Double.NaN;
        if (waiting == 0) {
            lastCpuNanos = -1;
        }
        int size = getCorePoolSize();
        if (!stuck || size < max) {
            alarm.notHeld();
        }
        runningSeen += getActiveCount();
        boolean coresIdle = !(busy >= BUSY); // NaN, an unknown share, counts as idle
        // Held while the cores are busy: more threads help only if some of those held wait rather than compute.
        boolean heldWaiting = stuck && !coresIdle
                && held.blockedSince(cpuAtLastLook, tickNanos, BlockedPoolAlarm.WORKING_SHARE) > 0;
        cpuAtLastLook = waiting > 0 ? held.cpuNow() : Map.of();
        if (!(waitedATick && (coresIdle || heldWaiting))) {
            shrinkWhenUnneeded(size);
            return;
        }
        ticksWithoutNeed = 0;
        runningSeen = 0;
        if (size >= max) {
            if (stuck) {
                alarm.nothingTakenAtMaximum(clock.nanoTime(), waiting);
            }
            return;
        }
        int grown = Math.min(max, size + Math.max(1, Math.min(size, waiting)));
        log.debug("action pool {} -> {} threads ({} tasks waiting, {}, cpu {}%)", size, grown, waiting,
                stuck ? "none taken for a tick" : "one waited a tick while the cpus were not busy",
                Math.round(busy * 100));
        resize(grown);
    }

    /** After {@code keepAlive} of looks without a reason to grow: down to the threads that work actually used. */
    private void shrinkWhenUnneeded(int size) {
        if (++ticksWithoutNeed < shrinkAfterTicks) {
            return;
        }
        double meanRunning = (double) runningSeen / ticksWithoutNeed;
        int needed = (int) Math.max(min, Math.ceil(HEADROOM * meanRunning));
        ticksWithoutNeed = 0;
        runningSeen = 0;
        if (needed < size) {
            log.debug("action pool {} -> {} threads ({} tasks ran at once on average for {} ms)", size, needed,
                    String.format("%.2f", meanRunning), TimeUnit.NANOSECONDS.toMillis(shrinkAfterTicks * tickNanos));
            resize(needed);
        }
    }

    /** Core and maximum move together: growing starts threads as tasks come, shrinking lets idle ones go at once. */
    private void resize(int threads) {
        if (threads > getMaximumPoolSize()) {
            setMaximumPoolSize(threads);
            setCorePoolSize(threads);
        } else {
            setCorePoolSize(threads);
            setMaximumPoolSize(threads);
        }
    }

    private double cpuShareSinceLastLook() {
        long cpuNow = cpu.processCpuNanos();
        long wallNow = clock.nanoTime();
        long wall = Math.max(1, wallNow - lastWallNanos);
        // No earlier reading (the first look at waiting tasks) or no clock: unknown, NaN, which counts as not busy.
        double share = cpuNow < 0 || lastCpuNanos < 0 ? Double.NaN : (cpuNow - lastCpuNanos) / ((double) wall * cores);
        lastCpuNanos = cpuNow;
        lastWallNanos = wallNow;
        return share;
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        taken.incrementAndGet();
        held.started(thread);
        super.beforeExecute(thread, task);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable failure) {
        super.afterExecute(task, failure);
        held.finished(Thread.currentThread());
    }

    /** @return the fewest threads the pool keeps */
    public int minThreads() {
        return min;
    }

    /** @return the most threads the pool grows to ({@link #getMaximumPoolSize()} is its current size) */
    public int maxThreads() {
        return max;
    }

    @Override
    protected void terminated() {
        if (monitor != null) {
            monitor.shutdownNow();
        }
        super.terminated();
    }
}
