package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;

/**
 * Ends the closing handshake the server started: when the client answers the server's close frame, the TCP
 * connection is closed at once. (Netty's protocol handler would answer the answer with a second close
 * frame, which RFC 6455 5.5.1 does not ask for.) A close the client starts passes on untouched, unless its
 * status code is above 4999: RFC 6455 7.4.2 defines none there and Netty's decoder lets them through, so such a
 * close is refused here with 1002, as the decoder refuses the undefined codes below 5000, and reported to the
 * lifecycle stage as the same protocol violation (counted and logged there).
 */
@ChannelHandler.Sharable
final class ClosingHandshakeHandler extends ChannelInboundHandlerAdapter {

    /** The highest close status code RFC 6455 (7.4.2) defines. */
    private static final int MAX_CLOSE_CODE = 4999;

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close) {
            ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
            if (connection != null && connection.isClosing()) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            int code = close.statusCode();
            if (code > MAX_CLOSE_CODE) {
                ReferenceCountUtil.release(msg);
                // From the tail, so that the outbound guard sees the close frame and writes nothing after it.
                ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR))
                        .addListener(ChannelFutureListener.CLOSE);
                ctx.fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR,
                        "close status code " + code + " is above " + MAX_CLOSE_CODE));
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
