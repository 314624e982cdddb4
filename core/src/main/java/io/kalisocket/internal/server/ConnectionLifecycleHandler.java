package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.exec.SerialQueue;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's life: made when the TCP connection is accepted, registered when the upgrade completes,
 * closed when idle (1001) or sent an oversized message (1009), and forgotten on close after every message
 * it sent was handled. Runs the application's connect and close callbacks and gateway mode's actions.
 * With connection recovery, a socket may carry a connection its client returned to, and a dropped
 * recoverable connection is parked instead of finished (see {@link RecoveryHook}).
 */
final class ConnectionLifecycleHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLifecycleHandler.class);

    private final ServerContext server;
    private final GatewayModeRunner gatewayMode;
    private final ConnectionFinisher finisher;
    private final RecoveryHook recovery;
    private ChannelConnection connection;
    private boolean upgraded;

    ConnectionLifecycleHandler(ServerContext server, GatewayModeRunner gatewayMode) {
        this.server = server;
        this.gatewayMode = gatewayMode;
        this.finisher = server.finisher();
        this.recovery = server.recovery();
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        String socketIp = ((java.net.InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        connection = new ChannelConnection(server.clientIds().next(), socketIp, ctx.channel(), server.encoder(),
                new SerialQueue(server.executor(), server.config().limits().maxQueuedPerConnection()),
                System.currentTimeMillis());
        ctx.channel().attr(ChannelAttributes.CONNECTION).set(connection);
        if (server.callbacks().hasOnConnect()) {
            runCallback(() -> server.callbacks().onConnect().accept(connection));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete) {
            upgraded(ctx);
        } else if (event instanceof IdleStateEvent && upgraded && connection.channel() == ctx.channel()) {
            // Before the upgrade the handshake timeout applies; a close frame would not even encode there. A
            // socket whose client returned on another one (connection recovery) is closing by itself.
            server.stats().idleClosed();
            log.debug("closing idle connection {}", connection.id());
            recovery.idle(connection);
            connection.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "idle timeout");
        }
        ctx.fireUserEventTriggered(event);
    }

    private void upgraded(ChannelHandlerContext ctx) {
        // A WebSocket no longer needs the HTTP-side handlers: drop them to save memory per connection.
        ctx.pipeline().remove(HttpRequestHandler.class);
        ctx.pipeline().remove(HandshakeTimeoutHandler.class);
        upgraded = true;
        server.stats().connectionOpened();
        Handshake handshake = ctx.channel().attr(ChannelAttributes.HANDSHAKE).getAndSet(null);
        RecoveryHook.Upgrade upgrade = recovery.upgraded(connection, handshake);
        if (upgrade.later() != null) {
            // A return to a connection another node holds: decided once it is claimed; the client waits unread.
            ctx.channel().config().setAutoRead(false);
            upgrade.later().whenComplete((decided, failure) -> ctx.channel().eventLoop().execute(() -> {
                ctx.channel().config().setAutoRead(true);
                if (failure != null) {
                    ctx.close();
                } else {
                    accept(ctx, decided, handshake);
                }
            }));
            return;
        }
        accept(ctx, upgrade, handshake);
    }

    private void accept(ChannelHandlerContext ctx, RecoveryHook.Upgrade upgrade, Handshake handshake) {
        if (!ctx.channel().isActive()) {
            // The socket dropped while a claim from another node was pending (its end already finished the
            // connection made for it): a claimed connection is set up (nothing reaches the dead socket, its
            // stream keeps it all) and parks here.
            if (upgrade.resumed()) {
                upgrade.greet().run();
                if (recovery.closed(upgrade.connection(), ctx.channel()) == RecoveryHook.Disposition.FINISH) {
                    finisher.finish(upgrade.connection());
                }
            }
            return;
        }
        if (upgrade.resumed()) {
            connection = upgrade.connection();
            ctx.channel().attr(ChannelAttributes.CONNECTION).set(connection);
            log.debug("resumed {} from {}", connection.id(), connection.ip());
            upgrade.greet().run();
            return;
        }
        server.connections().add(connection);
        log.debug("connected {} from {}", connection.id(), connection.ip());
        upgrade.greet().run();
        if (gatewayMode != null) {
            runCallback(() -> gatewayMode.connected(connection, handshake));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!upgraded) {
            finisher.end(connection, false);
        } else {
            server.stats().connectionClosed();
            log.debug("closed {} ip={} duration={}ms in={} out={}", connection.id(), connection.ip(),
                    System.currentTimeMillis() - connection.openedAtMillis(), connection.messagesIn(),
                    connection.messagesOut());
            if (recovery.closed(connection, ctx.channel()) == RecoveryHook.Disposition.FINISH) {
                finisher.finish(connection);
            }
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            server.stats().oversizedClosed();
            log.debug("closing {}: message over {} bytes", connection.id(), server.config().limits().maxMessageBytes());
            connection.close(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(), "message too big");
            return;
        }
        if (cause instanceof CorruptedWebSocketFrameException corrupted) {
            // Netty's decoder already sent the close frame (1002, 1007 or 1009) and closes after it: count only.
            server.stats().protocolViolation(corrupted.closeStatus() == null ? 1002 : corrupted.closeStatus().code());
            log.debug("connection {} broke the protocol: {}", connection.id(), cause.getMessage());
            return;
        }
        if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", connection == null ? ctx.channel() : connection.id(), cause.toString());
        } else {
            log.warn("connection {} failed", connection == null ? ctx.channel() : connection.id(), cause);
        }
        if (connection != null) {
            ChannelConnection c = connection;
            runCallback(() -> server.callbacks().onError().accept(c, cause));
        }
        ctx.close();
    }

    private void runCallback(Runnable callback) {
        finisher.run(connection, callback);
    }
}
