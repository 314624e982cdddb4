package io.kalisocket.internal.server;

import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * Netty's adaptive sizing of receive buffers, with one sizing handle per event loop instead of one per socket. A
 * handle is a guess of the next read's size plus the counts of one read loop: with one per socket it was 112 bytes of
 * every idle connection (the handle, its size calculator, its "more data" supplier), more than the 87 bytes by which
 * KaliSocket's idle connection was heavier than bare Netty's (docs/BENCHMARKS.md, "idle memory per connection").
 *
 * <p>Sharing is safe because of how the epoll and NIO transports read: a read loop resets the handle, reads the
 * socket until it is empty or the loop's budget is spent, tells the handle it is complete and reads its last figures,
 * all in one call on the socket's event loop, and a loop reads one socket at a time (a stage that asks another socket
 * to read only schedules that read). Netty asks for the handle lazily, in the read path, on the socket's own event
 * loop, so each socket gets its loop's handle. Not for a transport whose reads complete later (io_uring keeps a read in
 * flight per socket): the server uses only epoll and NIO ({@link ServerTransport}).
 *
 * <p>What changes: the guess follows the recent reads of all the loop's sockets rather than one socket's. A loop with
 * a flooding client and many quiet ones sizes for whichever it read last; the guess moves up or down within a couple of
 * reads either way (Netty's adaptive steps), so a flood still reads in large buffers and a heartbeat in small ones.
 */
final class LoopSharedRecvAllocator implements RecvByteBufAllocator {

    private final AdaptiveRecvByteBufAllocator sizing = new AdaptiveRecvByteBufAllocator();
    private final FastThreadLocal<Handle> handleOfThisLoop = new FastThreadLocal<>() {
        @Override
        protected Handle initialValue() {
            return sizing.newHandle();
        }
    };

    /** @return the handle of the calling thread: the event loop of the socket that asks (see the class) */
    @Override
    public Handle newHandle() {
        return handleOfThisLoop.get();
    }
}
