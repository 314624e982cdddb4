package io.kalisocket.internal.connection;

import io.netty.channel.EventLoop;
import io.netty.channel.SingleThreadEventLoop;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Flushes, in one task per event loop, the connections that broadcasts wrote to. A flush made outside a read
 * makes Netty's {@code FlushConsolidationHandler} schedule a task per channel, so a push to 10,000 members
 * cost 10,000 tasks; here one task flushes them all. It runs at the end of the loop's pass over its task
 * queue, so every broadcast queued by then shares each socket's system call: on loopback the send is half a
 * delivery's cost. Confined to its event loop.
 */
final class BatchedFlusher {

    private final EventLoop loop;
    private final Runnable flushAll = this::flushAll;
    private List<ChannelConnection> pending = new ArrayList<>();
    private List<ChannelConnection> spare = new ArrayList<>();
    // Who is already in this loop's batch: kept here, not on the connection, since a recovered connection
    // may move to a socket of another loop between a write and its flush.
    private final Set<ChannelConnection> queued = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean scheduled;

    /** @param loop the event loop whose connections this flushes */
    BatchedFlusher(EventLoop loop) {
        this.loop = loop;
    }

    /** @param connection a connection of this loop that was written to; call on the loop */
    void add(ChannelConnection connection) {
        if (queued.add(connection)) {
            pending.add(connection);
        }
        if (!scheduled) {
            scheduled = true;
            if (loop instanceof SingleThreadEventLoop tasks) {
                tasks.executeAfterEventLoopIteration(flushAll);
            } else {
                loop.execute(flushAll);
            }
        }
    }

    private void flushAll() {
        scheduled = false;
        List<ChannelConnection> batch = pending;
        pending = spare; // a flush may run listeners that broadcast again: they fill the other list
        queued.clear();
        try {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).socket().flushNow();
            }
        } finally {
            batch.clear();
            spare = batch;
        }
    }
}
