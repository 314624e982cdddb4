package io.kalisocket.internal.server;

import io.kalisocket.connection.Connection;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.function.BiConsumer;

/**
 * Instead of the ready pipeline, when the application has its own {@code onMessage}: every text frame goes to
 * that callback, on the connection's action queue (the callback may block and may call
 * {@code Dispatcher.run} itself, as KaliPHP's {@code kali::run($data)}).
 */
@Sharable
final class OwnMessageHandler extends SimpleChannelInboundHandler<TextWebSocketFrame> {

    private final BiConsumer<Connection, String> onMessage;
    private final ConnectionTasks tasks;

    OwnMessageHandler(BiConsumer<Connection, String> onMessage, ConnectionTasks tasks) {
        this.onMessage = onMessage;
        this.tasks = tasks;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame text) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        String body = text.text();
        tasks.queue(connection, () -> onMessage.accept(connection, body), null);
    }
}
