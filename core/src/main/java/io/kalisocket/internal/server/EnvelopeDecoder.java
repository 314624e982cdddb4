package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Reads a text frame as a call, {@code {"ct":C,"ac":A,...}}, and passes the {@link
 * io.kalisocket.internal.protocol.Envelope} on. A binary frame or a message that is not a valid call is answered
 * {@code 400} here and goes no further.
 */
@Sharable
final class EnvelopeDecoder extends MessageToMessageDecoder<WebSocketFrame> {

    private final EnvelopeParser parser;
    private final ActionDispatcher dispatcher;
    private final ConnectionTasks tasks;

    EnvelopeDecoder(EnvelopeParser parser, ActionDispatcher dispatcher, ConnectionTasks tasks) {
        super(WebSocketFrame.class);
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (!(frame instanceof TextWebSocketFrame text)) {
            tasks.refuseBinary(ctx, connection);
            return;
        }
        try {
            out.add(parser.parse(text.content()));
        } catch (EnvelopeException e) {
            tasks.answer(ctx, connection, () -> dispatcher.rejectInvalid(connection, e));
        }
    }
}
