package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;

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

    @Override
    public boolean sendFrame(ByteBuf content) {
        return outbox.push(content, true);
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
