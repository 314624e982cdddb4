package io.kalisocket.internal.connection;

import io.netty.channel.ChannelHandler;

/**
 * The pipeline stage a broadcast's shared frame enters a socket by. A frame written from the pipeline's tail
 * visits every stage of it; with thousands of recipients each stage is a cache miss, and that walk was a fifth
 * of a broadcast's cost. This stage applies what a push must honour (back-pressure, nothing after a close
 * frame) and hands the bytes straight to the stages below the WebSocket encoder. Confined to the socket's
 * event loop.
 */
public interface SharedFrameWriter extends ChannelHandler {

    /**
     * Writes the frame to this socket, without flushing; a push the slow-consumer policy refuses, or one that
     * would follow a close frame, is not written.
     *
     * @param frame the framed message (not released here: a duplicate is written)
     * @return true when it was written
     */
    boolean writeShared(WireFrame frame);

    /** Flushes what was written, at once: below the flush consolidation stage, which would defer it. */
    void flushNow();
}
