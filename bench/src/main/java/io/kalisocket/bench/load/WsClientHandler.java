package io.kalisocket.bench.load;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * Last stage of a load connection: completes the open promise when the upgrade is done, hands
 * text frames to a {@link FrameListener}, and flushes once per read batch so that replies sent
 * from {@code onText} leave in one syscall.
 */
final class WsClientHandler extends ChannelInboundHandlerAdapter {

    private final FrameListener listener;
    private final ChannelPromise opened;

    WsClientHandler(FrameListener listener, ChannelPromise opened) {
        this.listener = listener;
        this.opened = opened;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            if (opened.trySuccess()) {
                listener.onOpen(ctx.channel());
            }
        } else if (evt == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            opened.tryFailure(new IllegalStateException("handshake timed out"));
            ctx.close();
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame frame) {
                listener.onText(ctx.channel(), frame.content());
            } else if (!(msg instanceof WebSocketFrame)) {
                ctx.close(); // not a WebSocket frame after upgrade: nothing we can count
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        opened.tryFailure(new IllegalStateException("closed before the upgrade completed"));
        listener.onClose(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        opened.tryFailure(cause);
        ctx.close();
    }
}
