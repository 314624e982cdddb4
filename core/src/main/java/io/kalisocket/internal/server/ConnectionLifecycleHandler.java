package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.connection.SharedFrameWriter;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's life: made when the TCP connection is accepted, registered when the upgrade completes,
 * closed when idle (1001), and forgotten on close after every message it sent was handled. Runs the
 * application's connect and close callbacks and the connect actions.
 * With connection recovery, a socket may carry a connection its client returned to, and a dropped
 * recoverable connection is parked instead of finished (see {@link RecoveryHook}).
 */
final class ConnectionLifecycleHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLifecycleHandler.class);

    private final ConnectionFactory factory;
    private final ConnectionRegistry connections;
    private final ConnectionFinisher finisher;
    private final RecoveryHook recovery;
    private final LifecycleCallbacks callbacks;
    private final ConnectActionRunner connectActions;
    private final ServerStats stats;
    private final SharedFrameWriter writer;
    private final Consumer<ChannelConnection> authenticated;
    private ChannelConnection connection;
    private boolean upgraded;

    /**
     * @param factory makes the connection of an accepted socket
     * @param connections where an upgraded connection is registered
     * @param finisher ends a connection for good and runs callbacks on its queue
     * @param recovery parks and resumes recoverable connections ({@link RecoveryHook#off()} without recovery)
     * @param callbacks the application's {@code onConnect}
     * @param connectActions runs the online action, or null
     * @param stats counts connections and idle closes
     * @param writer this channel's outbound guard, where broadcasts enter the socket
     * @param authenticated binds the uid of a registered connection's principal and starts its expiry, or null
     *     when the server does not authenticate
     */
    ConnectionLifecycleHandler(ConnectionFactory factory, ConnectionRegistry connections, ConnectionFinisher finisher,
            RecoveryHook recovery, LifecycleCallbacks callbacks, ConnectActionRunner connectActions, ServerStats stats,
            SharedFrameWriter writer, Consumer<ChannelConnection> authenticated) {
        this.factory = factory;
        this.connections = connections;
        this.finisher = finisher;
        this.recovery = recovery;
        this.callbacks = callbacks;
        this.connectActions = connectActions;
        this.stats = stats;
        this.writer = writer;
        this.authenticated = authenticated;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = factory.open(ctx, writer);
        if (callbacks.hasOnConnect()) {
            runCallback(() -> callbacks.onConnect().accept(connection));
        }
        ctx.fireChannelActive();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof HandshakeComplete) {
            upgraded(ctx);
        } else if (event instanceof IdleStateEvent && upgraded && connection.socket().channel() == ctx.channel()) {
            // Before the upgrade the handshake timeout applies; a close frame would not even encode there. A
            // socket whose client returned on another one (connection recovery) is closing by itself.
            stats.count(Counter.IDLE_CLOSES);
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
        stats.count(Counter.CONNECTIONS_OPENED);
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
            ChannelConnection fresh = connection;
            connection = upgrade.connection();
            connection.attachTo(ctx.channel());
            log.debug("resumed {} from {}", connection.id(), connection.ip());
            upgrade.greet().run();
            if (authenticated != null) {
                fresh.principal().ifPresent(connection::principal); // the returning client's new token counts
                bindPrincipal();
            }
            return;
        }
        connections.add(connection);
        log.debug("connected {} from {}", connection.id(), connection.ip());
        upgrade.greet().run();
        if (authenticated != null) {
            bindPrincipal(); // queued first: before the connect action and before any message's action
        }
        if (connectActions != null) {
            runCallback(() -> connectActions.connected(connection, handshake));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (!upgraded) {
            finisher.end(connection, false);
        } else {
            stats.count(Counter.CONNECTIONS_CLOSED);
            log.debug("closed {} ip={} duration={}ms in={} out={}", connection.id(), connection.ip(),
                    System.currentTimeMillis() - connection.openedAtMillis(), connection.socket().messagesIn(),
                    connection.socket().messagesOut());
            if (recovery.closed(connection, ctx.channel()) == RecoveryHook.Disposition.FINISH) {
                finisher.finish(connection);
            }
        }
        ctx.fireChannelInactive();
    }

    private void bindPrincipal() {
        ChannelConnection bound = connection;
        runCallback(() -> authenticated.accept(bound));
    }

    private void runCallback(Runnable callback) {
        finisher.run(connection, callback);
    }
}
