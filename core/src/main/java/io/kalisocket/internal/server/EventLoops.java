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
