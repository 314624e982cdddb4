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
 * reads either way (Netty's adaptive steps), so a flood still reads in large buffers.
 *
 * <p>Never below {@link #MINIMUM_BYTES}: a shared guess that small frames (heartbeats, close frames) had shrunk under a
 * new socket's upgrade request cost that socket a second read and a second wait for its loop (a quarter of all
 * handshakes at 4,000/s, where a 186-byte request met guesses of 176; docs/BENCHMARKS.md, "handshakes"). A read's
 * buffer lives only while its bytes are decoded, so the larger floor holds no memory on an idle connection.
 */
final class LoopSharedRecvAllocator implements RecvByteBufAllocator {

    /** The smallest read: a browser's upgrade request without cookies, in one read. */
    static final int MINIMUM_BYTES = 1024;
    /** Netty's default first guess. */
    private static final int INITIAL_BYTES = 2048;
    /** Netty's default largest read. */
    private static final int MAXIMUM_BYTES = 65536;

    private final AdaptiveRecvByteBufAllocator sizing =
            new AdaptiveRecvByteBufAllocator(MINIMUM_BYTES, INITIAL_BYTES, MAXIMUM_BYTES);
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
