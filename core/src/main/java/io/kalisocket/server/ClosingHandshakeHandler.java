package io.kalisocket.server;

import io.kalisocket.connection.ChannelConnection;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Ends the closing handshake the server started: when the client answers the server's close frame, the TCP
 * connection is closed at once. (Netty's protocol handler would answer the answer with a second close
 * frame, which RFC 6455 5.5.1 does not ask for.) A close the client starts passes on untouched.
 */
@ChannelHandler.Sharable
final class ClosingHandshakeHandler extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame) {
            ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
            if (connection != null && connection.isClosing()) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
