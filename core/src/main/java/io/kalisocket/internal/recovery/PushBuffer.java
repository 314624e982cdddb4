package io.kalisocket.internal.recovery;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * One connection's recent pushes, numbered {@code 1, 2, 3...} with no gap, at most {@code maxMessages} of
 * them and {@code maxBytes} bytes once trimmed (the oldest go first). Holds a reference to each push's
 * buffer: a broadcast kept by many connections is one buffer in memory. Not thread-safe: its
 * {@link PushStream} guards it.
 */
final class PushBuffer {

    private final int maxMessages;
    private final long maxBytes;
    private final LongConsumer bytesChanged;
    private final ArrayDeque<ByteBuf> entries = new ArrayDeque<>();
    /** The number of the oldest kept push; the next push gets {@code first + entries.size()}. */
    private long first;
    private long bytes;

    /**
     * @param maxMessages pushes kept at most once trimmed
     * @param maxBytes bytes kept at most once trimmed
     * @param bytesChanged told every change of the bytes kept (the server-wide counter)
     */
    PushBuffer(int maxMessages, long maxBytes, LongConsumer bytesChanged) {
        this(maxMessages, maxBytes, bytesChanged, 1);
    }

    /**
     * A buffer that continues a stream begun elsewhere (a connection claimed from another node).
     *
     * @param maxMessages pushes kept at most once trimmed
     * @param maxBytes bytes kept at most once trimmed
     * @param bytesChanged told every change of the bytes kept
     * @param first the number the first appended push gets
     */
    PushBuffer(int maxMessages, long maxBytes, LongConsumer bytesChanged, long first) {
        this.maxMessages = maxMessages;
        this.maxBytes = maxBytes;
        this.bytesChanged = bytesChanged;
        this.first = first;
    }

    /** @param content a push (ownership passes here) @return its number */
    long append(ByteBuf content) {
        entries.addLast(content);
        bytes += content.readableBytes();
        bytesChanged.accept(content.readableBytes());
        return last();
    }

    /**
     * Drops the oldest pushes while over a cap, but none numbered above {@code upTo}.
     *
     * @param upTo the highest number that may be dropped
     */
    void trim(long upTo) {
        while (!entries.isEmpty() && first <= upTo && overCap()) {
            dropOldest();
        }
    }

    private boolean overCap() {
        return entries.size() > maxMessages || bytes > maxBytes;
    }

    /**
     * @param after a number already seen
     * @return the kept pushes numbered above it, in order, each a retained duplicate the caller releases
     */
    List<ByteBuf> after(long after) {
        long from = Math.max(after + 1, first);
        List<ByteBuf> out = new ArrayList<>((int) Math.max(0, last() - from + 1));
        long seq = first;
        for (ByteBuf b : entries) {
            if (seq++ >= from) {
                out.add(b.retainedDuplicate());
            }
        }
        return out;
    }

    /** @return the number of the oldest kept push (one above {@link #last()} when none is kept) */
    long first() {
        return first;
    }

    /** @return the number of the newest push, 0 before the first */
    long last() {
        return first + entries.size() - 1;
    }

    /** @return the bytes kept */
    long bytes() {
        return bytes;
    }

    /** Releases every kept push. */
    void clear() {
        while (!entries.isEmpty()) {
            dropOldest();
        }
    }

    private void dropOldest() {
        ByteBuf dropped = entries.removeFirst();
        first++;
        bytes -= dropped.readableBytes();
        bytesChanged.accept(-dropped.readableBytes());
        dropped.release();
    }
}
