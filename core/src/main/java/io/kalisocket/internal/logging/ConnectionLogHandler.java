package io.kalisocket.internal.logging;

import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;

/**
 * Watches a WebSocket connection open and close for the connection log (logger {@value #LOGGER}; what is written
 * depends on {@code logging.connections}, see {@link ConnectionLog}): the close code is the first close frame
 * sent or received, 1006 when the TCP connection ended without one. Sits just before the WebSocket protocol stage,
 * where it sees the upgrade response and the close frames of both sides.
 */
public final class ConnectionLogHandler extends ChannelDuplexHandler {

    /** The logger's name: set it to WARN to silence connection lines only. */
    public static final String LOGGER = "io.kalisocket.connections";
    /** The close code logged when no close frame was exchanged (abnormal closure). */
    public static final int NO_CLOSE_FRAME = 1006;
    /** The close code logged for a close frame without a status code. */
    public static final int NO_STATUS = 1005;

    private final ConnectionLog sink;
    private boolean upgraded;
    private int closeCode = NO_CLOSE_FRAME;
    private String closeReason = "";
    private String closedBy = "network";

    /** @param sink where the connect and the close go: a line each, or a summary */
    public ConnectionLogHandler(ConnectionLog sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof CloseWebSocketFrame close) {
            closeFrame(close, "client");
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof CloseWebSocketFrame close) {
            closeFrame(close, "server");
        } else if (msg instanceof HttpResponse response
                && response.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            promise = promise.unvoid();
            promise.addListener(f -> {
                if (f.isSuccess()) {
                    connected(ctx.channel());
                }
            });
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        ChannelConnection c = ChannelConnection.of(ctx.channel());
        if (upgraded && c != null) {
            sink.closed(c, closeCode, closedBy, closeReason);
        }
        ctx.fireChannelInactive();
    }

    private void connected(Channel channel) {
        upgraded = true;
        ChannelConnection c = ChannelConnection.of(channel);
        if (c != null) {
            sink.opened(c);
        }
    }

    private void closeFrame(CloseWebSocketFrame close, String by) {
        if (closeCode == NO_CLOSE_FRAME) {
            int code = close.statusCode();
            closeCode = code < 0 ? NO_STATUS : code;
            closeReason = close.reasonText() == null ? "" : close.reasonText();
            closedBy = by;
        }
    }
}
