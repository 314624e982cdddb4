package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A text frame that answers something the client sent (a reply, a receipt, a heartbeat pong). Answers are
 * bounded by what the client sends, and the server stops reading a client whose outbound buffer is full,
 * so answers are never dropped by the slow-consumer policy; pushes are.
 */
public final class ReplyFrame extends TextWebSocketFrame {

    /** @param content UTF-8 text; ownership passes to the frame */
    public ReplyFrame(ByteBuf content) {
        super(content);
    }
}
