package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;

/**
 * Where a connection's pushes go instead of straight to its socket: connection recovery numbers them,
 * keeps the recent ones, and holds them while the connection is parked (see {@code docs/RECOVERY.md}).
 * Answers (replies, receipts) never go through it.
 */
public interface PushOutbox {

    /**
     * Takes one push: numbers it, keeps it, and writes it to the socket when there is one.
     *
     * @param content the encoded push (ownership passes to this call)
     * @param flush flush the socket after writing; false when the caller flushes a batch itself
     * @return false when the connection is finished for good (the push was released)
     */
    boolean push(ByteBuf content, boolean flush);

    /** @return true while the connection has no socket and waits for its client to return */
    boolean isParked();

    /**
     * The server closes the connection for good: a parked one is finished at once (its close actions run); a
     * live one is not parked when its socket closes.
     */
    void end();
}
