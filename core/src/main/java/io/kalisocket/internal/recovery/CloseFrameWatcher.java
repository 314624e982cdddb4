package io.kalisocket.internal.recovery;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.io.IOException;

/**
 * Tells a recoverable connection's stream that its socket closes for good, so it is not parked: the client
 * sent a close frame with 1000, 1001 or no code, or the server sent one (an idle timeout excepted). Sits
 * before the WebSocket protocol stage, where it sees the close frames of both sides. One per channel.
 */
final class CloseFrameWatcher extends ChannelDuplexHandler {

    private final Recovery recovery;
    private boolean clientClosed;
    private boolean socketFailed;

    /** @param recovery finds the channel's stream */
    CloseFrameWatcher(Recovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close && !clientClosed) {
            clientClosed = true;
            int code = close.statusCode();
            if (code == 1000 || code == 1001 || code < 0) {
                recovery.closingForGood(ctx.channel());
            }
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof CloseWebSocketFrame && !clientClosed && !socketFailed && ctx.channel().isActive()) {
            // The server's own close (not its echo of the client's, nor one written after the socket dropped or
            // failed: closing a channel after a read error, e.g. a reset, makes Netty write a close frame too).
            recovery.closingForGood(ctx.channel());
        }
        ctx.write(msg, promise);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            socketFailed = true; // a reset or broken socket is a drop, like a FIN without a close frame
        }
        ctx.fireExceptionCaught(cause);
    }
}
