package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import java.util.concurrent.RejectedExecutionException;

/**
 * The socket side of a recoverable connection (see {@code docs/RECOVERY.md}): its pushes go to its outbox, which
 * numbers and keeps them and writes them to the socket when there is one; it is open while parked; and it moves to
 * the socket its client returns on. Answers (replies, receipts) still go straight to the socket.
 */
public final class RecoverableSocket extends ConnectionSocket {

    private final PushOutbox outbox;

    /**
     * @param taken the plain socket side the connection had until now
     * @param outbox where its pushes go from now on
     */
    RecoverableSocket(ConnectionSocket taken, PushOutbox outbox) {
        super(taken);
        this.outbox = outbox;
    }

    /** @return where this connection's pushes go */
    public PushOutbox outbox() {
        return outbox;
    }

    /**
     * Moves the connection to the socket its client returned on.
     *
     * @param returned the socket side made for the new, upgraded channel
     */
    public void moveTo(ConnectionSocket returned) {
        takeChannelOf(returned);
    }

    /** @return true while the socket is open, or the connection is parked for its client's return */
    @Override
    public boolean isOpen() {
        return super.isOpen() || outbox.isParked();
    }

    /**
     * Numbers and keeps the push on the socket's event loop, as a broadcast's pushes are: a push handed over
     * there after a broadcast from the same thread gets the later number, so one sender's pushes keep their order.
     *
     * @return true when handed to the outbox (false when the connection ended, or the loop no longer takes work)
     */
    @Override
    public boolean sendFrame(ByteBuf content) {
        EventLoop loop = channel().eventLoop();
        if (loop.inEventLoop()) {
            return outbox.push(content, true);
        }
        try {
            loop.execute(() -> outbox.push(content, true));
        } catch (RejectedExecutionException stopping) {
            content.release();
            return false;
        }
        return isOpen();
    }

    @Override
    public void writeShared(WireFrame frame) {
        outbox.push(frame.retainedPayload(), false);
    }

    @Override
    public void close(int code, String reason) {
        outbox.end();
        super.close(code, reason);
    }
}
