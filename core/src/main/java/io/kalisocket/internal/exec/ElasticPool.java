package io.kalisocket.internal.exec;

import io.kalisocket.KaliClock;
import java.time.Duration;
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
 * <p>A monitor thread looks every {@code tick}: it grows the pool (doubling, at most to the maximum) when nothing
 * was taken from the queue for a whole tick although tasks waited (every thread is held), or when a task waited a
 * whole tick (fewer tasks were taken since the last look than waited then: the queue is first in, first out) while
 * the process used less than three quarters of its cores. A queue that is seldom empty but worked off within a tick
 * (short actions at a high rate) is not a reason to grow: more threads would only take turns, each waking colder.
 * It shrinks back to the minimum after {@code keepAlive} in which no look saw a waiting task. The ticks are the
 * server's clock's, so a test's fake clock drives the monitor too.
 *
 * <p>At its maximum with nothing taken for a tick, the pool may be starved of CPU rather than blocked: on few
 * cores, a burst of connects holds every thread although none waits for anything. So it warns only after a
 * spell of {@link #JUDGED_OVER} in which nothing was taken, and only when at least half of its threads used
 * almost no CPU in that spell ({@link HeldThreads}): those really wait, and more threads would help.
 */
public final class ElasticPool extends ThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(ElasticPool.class);
    /** Below this share of all cores the process counts as not busy: threads are waiting, not computing. */
    private static final double BUSY = 0.75;
    private static final long WARN_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);
    /** How long the pool must be held at its maximum before its threads are judged blocked or working. */
    static final Duration JUDGED_OVER = Duration.ofSeconds(1);
    /** A thread that computed less than this share of a spell's wall time waited (a starved one gets more). */
    private static final double WORKING_SHARE = 0.01;

    private final int min;
    private final int max;
    private final int cores;
    private final long shrinkAfterTicks;
    private final CpuClock cpu;
    private final ScheduledExecutorService monitor;
    private final KaliClock clock;
    private final long tickNanos;
    private final HeldThreads held = new HeldThreads();
    /** Tasks taken from the queue so far: the looks compare it with how many waited. */
    private final AtomicLong taken = new AtomicLong();
    /** True while the monitor has no look scheduled; the next {@link #execute} schedules one. */
    private final AtomicBoolean asleep = new AtomicBoolean();
    // Read and written by adjust() only, which runs on the monitor thread (or a test's thread) one call at a time.
    private int waitingAtLastLook;
    private long takenAtLastLook;
    private long lastCpuNanos;
    private long lastWallNanos;
    private long quietTicks;
    private long lastWarnNanos = -WARN_EVERY_NANOS;
    private long spellStartNanos = -1; // when the pool was first seen held at its maximum; -1 while it is not

    /** Where the process's CPU time comes from (a seam for tests). */
    @FunctionalInterface
    public interface CpuClock {
        /** @return CPU time this process has used, in nanoseconds, or -1 when unknown */
        long processCpuNanos();

        /** @return the JVM's own process CPU time, or -1 when this JVM does not expose it */
        static CpuClock ofProcess() {
            if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    instanceof com.sun.management.OperatingSystemMXBean os) {
                return os::getProcessCpuTime;
            }
            return () -> -1;
        }
    }

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
        super(requireMin(min, max), max, keepAlive.toNanos(), TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(),
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
            spellStartNanos = -1;
        }
        if (waiting == 0) {
            if (++quietTicks >= shrinkAfterTicks && size > min) {
                log.debug("action pool back to {} threads after a quiet period", min);
                setCorePoolSize(min);
            }
            return;
        }
        quietTicks = 0;
        boolean coresIdle = !(busy >= BUSY); // NaN, an unknown share, counts as idle
        if (!stuck && !(waitedATick && coresIdle)) {
            return;
        }
        if (size >= max) {
            judgeSpellAtMaximum(stuck);
            return;
        }
        int grown = Math.min(max, size + Math.max(1, Math.min(size, waiting)));
        log.debug("action pool {} -> {} threads ({} tasks waiting, {}, cpu {}%)", size, grown, waiting,
                stuck ? "none taken for a tick" : "one waited a tick while the cpus were not busy",
                Math.round(busy * 100));
        setCorePoolSize(grown);
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

    /** While nothing is taken at the maximum: starts a spell, and at its end warns if the threads really wait. */
    private void judgeSpellAtMaximum(boolean stuck) {
        if (!stuck) {
            return;
        }
        long now = clock.nanoTime();
        if (spellStartNanos < 0) {
            spellStartNanos = now;
            held.startSpell();
            return;
        }
        long spell = now - spellStartNanos;
        if (spell < JUDGED_OVER.toNanos()) {
            return;
        }
        int blocked = held.blockedOver(spell, WORKING_SHARE);
        spellStartNanos = now; // the next judgement covers a fresh spell
        held.startSpell();
        if (blocked * 2 >= max && now - lastWarnNanos >= WARN_EVERY_NANOS) {
            lastWarnNanos = now;
            log.warn("{} of {} action threads waited for {} ms without computing and {} tasks wait: actions block "
                    + "for long; raise execution.pool-size, or use Java 21+ (virtual threads)", blocked, max,
                    TimeUnit.NANOSECONDS.toMillis(spell), getQueue().size());
        }
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

    @Override
    protected void terminated() {
        if (monitor != null) {
            monitor.shutdownNow();
        }
        super.terminated();
    }
}
