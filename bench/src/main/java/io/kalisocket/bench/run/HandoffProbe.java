package io.kalisocket.bench.run;

import io.kalisocket.bench.Transport;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * What handing work to another thread and getting the answer back costs on this machine, with nothing else in it:
 * the floor under default dispatch, where the event loop hands each message to an action thread and the action
 * hands its reply back to the loop. Run it pinned to one core as the benchmarks pin a server
 * ({@code taskset -c 0 java -jar kalisocket-bench.jar handoff}); there each round trip is two context switches
 * and their wake-ups, whatever the code around them.
 *
 * <p>Two phases of {@code duration} each, at most {@link #MAX_ROUND_TRIPS} round trips each: <b>park/unpark</b>, two
 * plain threads passing a turn with {@link LockSupport} (how a pool's thread sleeps and is woken); <b>event
 * loops</b>, two Netty event loops passing a task back and forth (woken through the loop's eventfd, as a reply
 * written from an action thread wakes the connection's loop). Each phase prints microseconds per round trip, of
 * wall time and of this process's CPU time.
 */
public final class HandoffProbe {

    /** Bounds each phase whatever the machine's speed. */
    static final int MAX_ROUND_TRIPS = 2_000_000;

    private final Duration duration;

    /** @param duration the most time each phase runs */
    public HandoffProbe(Duration duration) {
        this.duration = duration;
    }

    /**
     * Runs both phases and prints a table.
     *
     * @param out where the table goes
     * @throws InterruptedException if interrupted while a phase runs
     */
    public void run(PrintStream out) throws InterruptedException {
        out.printf("| hand-off and back | round trips | wall us per round trip | cpu us per round trip |%n");
        out.printf("|---|---:|---:|---:|%n");
        row(out, "park/unpark, two threads", parkUnpark());
        row(out, "Netty event loops, two loops", eventLoops());
    }

    private Phase parkUnpark() throws InterruptedException {
        AtomicInteger turn = new AtomicInteger(); // even: the first thread's turn, odd: the second's
        AtomicBoolean stop = new AtomicBoolean();
        long deadline = System.nanoTime() + duration.toNanos();
        Thread[] threads = new Thread[2];
        for (int side = 0; side < 2; side++) {
            int me = side;
            threads[side] = new Thread(() -> {
                while (!stop.get()) {
                    int t = turn.get();
                    if (t % 2 != me) {
                        LockSupport.park(this); // woken by the other side's unpark, or spuriously: looks again
                    } else if (t / 2 >= MAX_ROUND_TRIPS || System.nanoTime() > deadline) {
                        stop.set(true);
                        LockSupport.unpark(threads[1 - me]);
                    } else {
                        turn.set(t + 1);
                        LockSupport.unpark(threads[1 - me]);
                    }
                }
            }, "handoff-" + side);
        }
        return Phase.measure(() -> {
            threads[0].start();
            threads[1].start();
            threads[0].join();
            threads[1].join();
            return turn.get() / 2;
        });
    }

    private Phase eventLoops() throws InterruptedException {
        EventLoopGroup group = Transport.best().group(2);
        try {
            EventLoop first = group.next();
            EventLoop second = group.next();
            AtomicInteger roundTrips = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(1);
            long deadline = System.nanoTime() + duration.toNanos();
            Runnable[] back = new Runnable[1];
            Runnable there = () -> second.execute(back[0]);
            back[0] = () -> {
                if (roundTrips.incrementAndGet() >= MAX_ROUND_TRIPS || System.nanoTime() > deadline) {
                    done.countDown();
                } else {
                    first.execute(there);
                }
            };
            return Phase.measure(() -> {
                first.execute(there);
                done.await();
                return roundTrips.get();
            });
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    private static void row(PrintStream out, String name, Phase phase) {
        out.printf("| %s | %,d | %.2f | %.2f |%n", name, phase.roundTrips(), phase.wallNanos() / 1e3 / phase.roundTrips(),
                phase.cpuNanos() / 1e3 / phase.roundTrips());
    }

    /** One phase's count and what it cost. */
    private record Phase(long roundTrips, long wallNanos, long cpuNanos) {

        interface Body {
            long run() throws InterruptedException;
        }

        static Phase measure(Body body) throws InterruptedException {
            long cpu0 = CpuClock.self();
            long wall0 = System.nanoTime();
            long roundTrips = body.run();
            long wall = System.nanoTime() - wall0;
            long cpu = CpuClock.self() - cpu0;
            return new Phase(Math.max(1, roundTrips), wall, cpu);
        }
    }
}
