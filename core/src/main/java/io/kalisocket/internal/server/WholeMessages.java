package io.kalisocket.internal.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import java.nio.charset.StandardCharsets;

/**
 * Messages as the lifecycle stage hands them on: whole, and UTF-8 when text. Most connections never fragment a
 * message, so they carry neither Netty's aggregator nor its UTF-8 check stage (200 bytes each): their text is checked
 * whole here; a connection's first fragmented message adds both.
 */
final class WholeMessages {

    private WholeMessages() {
    }

    /**
     * @param frame a whole message in one frame
     * @return the violation to answer when it is text that is not UTF-8 (1007), else null
     */
    static CorruptedWebSocketFrameException notUtf8(WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame && !ByteBufUtil.isText(frame.content(), StandardCharsets.UTF_8)) {
            return new CorruptedWebSocketFrameException(WebSocketCloseStatus.INVALID_PAYLOAD_DATA,
                    "bytes are not UTF-8");
        }
        return null;
    }

    /**
     * The connection's first fragmented message: from now on Netty's aggregator joins fragments right below the
     * lifecycle stage, and its UTF-8 check, below the guard (which answers its violations), follows text across
     * fragments, so a message fails at its first bad fragment. The decoder refuses a continuation frame that starts
     * no message, so none can come before the first fragment.
     *
     * @param ctx the lifecycle stage's context
     * @param guard the channel's outbound guard
     * @param first the first fragment, handed to the check as the pipeline would have
     * @param maxMessageBytes the largest message the aggregator joins (1009 beyond)
     */
    static void assembleFrom(ChannelHandlerContext ctx, OutboundGuardHandler guard, WebSocketFrame first,
            int maxMessageBytes) {
        ctx.pipeline().addBefore(ctx.name(), null, new WebSocketFrameAggregator(maxMessageBytes));
        Utf8FrameValidator validator = new Utf8FrameValidator(false);
        ctx.pipeline().addBefore(ctx.pipeline().context(guard).name(), null, validator);
        ChannelHandlerContext at = ctx.pipeline().context(validator);
        try {
            validator.channelRead(at, first);
        } catch (Exception e) {
            at.fireExceptionCaught(e);
        }
    }
}
