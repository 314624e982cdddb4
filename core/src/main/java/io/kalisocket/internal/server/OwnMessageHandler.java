package io.kalisocket.internal.server;

import io.kalisocket.connection.Connection;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.function.BiConsumer;

/**
 * Instead of {@link MessageHandler}, when the application has its own {@code onMessage}: every text frame the
 * {@link InboundGate} lets on goes to that callback, heartbeats included (as in Workerman), on the connection's
 * action queue (the callback may block and may call {@code Dispatcher.run} itself, as KaliPHP's
 * {@code kali::run($data)}).
 */
final class OwnMessageHandler implements FrameReader {

    private final BiConsumer<Connection, String> onMessage;
    private final InboundGate gate;
    private final ConnectionTasks tasks;

    OwnMessageHandler(BiConsumer<Connection, String> onMessage, InboundGate gate, ConnectionTasks tasks) {
        this.onMessage = onMessage;
        this.gate = gate;
        this.tasks = tasks;
    }

    @Override
    public void read(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ChannelConnection connection = gate.admit(ctx);
        if (connection == null || !gate.isText(ctx, connection, frame)) {
            return;
        }
        String body = ((TextWebSocketFrame) frame).text();
        tasks.queue(connection, () -> onMessage.accept(connection, body), null);
    }
}
