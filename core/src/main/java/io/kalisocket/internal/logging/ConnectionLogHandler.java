package io.kalisocket.internal.logging;

import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs one line when a WebSocket connection opens and one when it closes, at INFO on the logger
 * {@value #LOGGER}: client id, real ip, duration, messages in and out, and the close code (the first close
 * frame sent or received; 1006 when the TCP connection ended without one). Each value is also attached as a
 * key-value pair, so the JSON format carries them as fields. Sits just before the WebSocket protocol stage,
 * where it sees the upgrade response and the close frames of both sides.
 */
public final class ConnectionLogHandler extends ChannelDuplexHandler {

    /** The logger's name: set it to WARN to silence connection lines only. */
    public static final String LOGGER = "io.kalisocket.connections";
    /** The close code logged when no close frame was exchanged (abnormal closure). */
    public static final int NO_CLOSE_FRAME = 1006;
    /** The close code logged for a close frame without a status code. */
    public static final int NO_STATUS = 1005;

    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    private boolean upgraded;
    private int closeCode = NO_CLOSE_FRAME;
    private String closeReason = "";
    private String closedBy = "network";

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
        if (upgraded && c != null && log.isInfoEnabled()) {
            long duration = System.currentTimeMillis() - c.openedAtMillis();
            log.atInfo()
                    .setMessage("closed {} ip={} duration={}ms in={} out={} code={} by={}{}")
                    .addArgument(c.id()).addArgument(c.ip()).addArgument(duration)
                    .addArgument(c.socket().messagesIn()).addArgument(c.socket().messagesOut()).addArgument(closeCode)
                    .addArgument(closedBy).addArgument(closeReason.isEmpty() ? "" : " reason=" + closeReason)
                    .addKeyValue("event", "close").addKeyValue("client_id", c.id()).addKeyValue("ip", c.ip())
                    .addKeyValue("duration_ms", duration).addKeyValue("messages_in", c.socket().messagesIn())
                    .addKeyValue("messages_out", c.socket().messagesOut()).addKeyValue("close_code", closeCode)
                    .addKeyValue("closed_by", closedBy)
                    .log();
        }
        ctx.fireChannelInactive();
    }

    private void connected(Channel channel) {
        upgraded = true;
        ChannelConnection c = ChannelConnection.of(channel);
        if (c != null && log.isInfoEnabled()) {
            log.atInfo()
                    .setMessage("connected {} ip={} socket={}")
                    .addArgument(c.id()).addArgument(c.ip()).addArgument(c.remoteAddress())
                    .addKeyValue("event", "connect").addKeyValue("client_id", c.id()).addKeyValue("ip", c.ip())
                    .log();
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
