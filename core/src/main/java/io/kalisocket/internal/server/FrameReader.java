package io.kalisocket.internal.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * What a connection does with each WebSocket message it reads: the message steps ({@link MessageHandler}) or the
 * application's own {@code onMessage} ({@link OwnMessageHandler}). Called by the lifecycle stage, the connection's
 * last, rather than being a stage of its own: a pipeline context (64 bytes per connection) and a hop per message less.
 */
interface FrameReader {

    /**
     * @param ctx the connection's last stage
     * @param frame a whole message (fragments already joined); the caller releases it once this returns
     */
    void read(ChannelHandlerContext ctx, WebSocketFrame frame);
}
