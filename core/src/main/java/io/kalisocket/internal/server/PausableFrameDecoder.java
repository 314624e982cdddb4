package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.DecodingHold;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;

/**
 * Netty's frame decoder, held at a frame's end while reading from its socket is paused: a connection's queue then
 * stops at its bound (one frame past it at most) instead of taking every call of the read under way, and what was
 * read but not yet decoded waits here as bytes, not as calls (docs/BENCHMARKS.md, "flood and echo").
 *
 * <p>Holding is Netty's own single-decode mode (one frame per pass). Released from a task, the stage decodes what
 * waited at once, as a read of no new bytes would; released during a read (a stage above it caught up while handling
 * a frame), it decodes the rest when that read is done.
 */
final class PausableFrameDecoder extends WebSocket13FrameDecoder implements DecodingHold {

    /** True while a read passes through this stage: a release then leaves the rest to its end. */
    private boolean reading;
    /** Released during a read that had stopped already: what waits is decoded when the read returns. */
    private boolean releasedWhileReading;

    /** @param config Netty's decoder settings */
    PausableFrameDecoder(WebSocketDecoderConfig config) {
        super(config);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        reading = true;
        try {
            super.channelRead(ctx, msg);
        } finally {
            reading = false;
        }
        if (releasedWhileReading) {
            releasedWhileReading = false;
            decodeWaiting(ctx);
        }
    }

    @Override
    public void hold() {
        setSingleDecode(true);
    }

    @Override
    public void release(Channel channel) {
        setSingleDecode(false);
        if (reading) {
            releasedWhileReading = true;
            return;
        }
        ChannelHandlerContext ctx = channel.pipeline().context(this);
        if (ctx != null && decodeWaiting(ctx)) { // null once the channel closed and its stages left
            ctx.fireChannelReadComplete(); // what the stages above do at a read's end (flushes)
        }
    }

    /**
     * Decodes what was read and held, as a read of no new bytes would.
     *
     * @return false when nothing waited
     */
    private boolean decodeWaiting(ChannelHandlerContext ctx) {
        if (actualReadableBytes() == 0 || isSingleDecode()) {
            return false;
        }
        try {
            channelRead(ctx, Unpooled.EMPTY_BUFFER);
        } catch (Exception e) {
            ctx.fireExceptionCaught(e);
        }
        return true;
    }
}
