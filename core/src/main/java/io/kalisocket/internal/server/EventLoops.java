package io.kalisocket.internal.server;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The server's event loops: one that accepts, and the workers that run every connection's pipeline.
 *
 * @param boss accepts TCP connections ({@code kali-accept}), or the workers themselves when there is one
 * @param workers run the connections ({@code kali-io-N})
 */
record EventLoops(EventLoopGroup boss, EventLoopGroup workers) {

    /**
     * With one worker loop, that loop accepts too: an accepting thread of its own would hand every new connection
     * to it, a task and a wake-up (an {@code eventfd} write and a context switch) per connection, which on one core
     * cost about a tenth of a handshake's CPU (docs/BENCHMARKS.md). With more, a separate loop accepts, so that
     * accepting never waits behind a busy connection's work.
     *
     * @param transport makes the groups
     * @param workerThreads worker loops, at least one
     * @return the loops
     */
    static EventLoops of(ServerTransport transport, int workerThreads) {
        EventLoopGroup workers = transport.newGroup(workerThreads, "kali-io");
        return new EventLoops(workerThreads == 1 ? workers : transport.newGroup(1, "kali-accept"), workers);
    }

    /** @return the worker loops, in order ({@code kali-io-0} first) */
    List<EventExecutor> workerList() {
        List<EventExecutor> list = new ArrayList<>();
        workers.forEach(list::add);
        return list;
    }

    /** Shuts both groups down at once (no quiet period: their work was drained before) and waits for the workers. */
    void shutdown() {
        if (boss != workers) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
