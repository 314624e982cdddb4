package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * Reads a text frame as a call, {@code {"ct":C,"ac":A,...}}, and passes the {@link
 * io.kalisocket.internal.protocol.Envelope} on. A message that is not a valid call is answered {@code 400} here and
 * goes no further.
 */
@Sharable
final class EnvelopeDecoder extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final EnvelopeParser parser;
    private final ActionDispatcher dispatcher;
    private final ConnectionTasks tasks;

    EnvelopeDecoder(EnvelopeParser parser, ActionDispatcher dispatcher, ConnectionTasks tasks) {
        this.parser = parser;
        this.dispatcher = dispatcher;
        this.tasks = tasks;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame text) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        try {
            ctx.fireChannelRead(parser.parse(text.content())); // the frame is released once this returns
        } catch (EnvelopeException e) {
            tasks.answer(ctx, connection, () -> dispatcher.rejectInvalid(connection, e));
        }
    }
}
