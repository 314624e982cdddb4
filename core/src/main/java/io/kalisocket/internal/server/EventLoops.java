package io.kalisocket.internal.server;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's event loops: one that accepts, and the workers that run every connection's pipeline.
 *
 * @param boss accepts TCP connections ({@code kali-accept})
 * @param workers run the connections ({@code kali-io-N})
 */
record EventLoops(EventLoopGroup boss, EventLoopGroup workers) {

    /**
     * A loop of its own accepts, even beside a single worker loop. Accepting on the worker loop itself saved a task
     * and a wake-up per connection (a tenth of a handshake's CPU on one core), but under a flood of calls on that
     * loop, clients that connected then were accepted a few a second and their handshakes timed out
     * (docs/BENCHMARKS.md, "Accepting under a flood"; the bench's {@code FloodSmokeTest} floods a server on one core
     * while it connects).
     *
     * @param transport makes the groups
     * @param workerThreads worker loops, at least one
     * @return the loops
     */
    static EventLoops of(ServerTransport transport, int workerThreads) {
        return new EventLoops(transport.newGroup(1, "kali-accept"), transport.newGroup(workerThreads, "kali-io"));
    }

    /** @return the worker loops, in order ({@code kali-io-0} first) */
    List<EventExecutor> workerList() {
        List<EventExecutor> list = new ArrayList<>();
        workers.forEach(list::add);
        return list;
    }

    /** Shuts both groups down at once (no quiet period: their work was drained before) and waits for the workers. */
    void shutdown() {
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
