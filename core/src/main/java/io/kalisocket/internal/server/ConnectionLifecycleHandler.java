package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionCarrier;
import io.kalisocket.internal.connection.FirstClose;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.Counter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection's life: made when the TCP connection is accepted, closed when it does not upgrade within the
 * handshake timeout, registered when the upgrade completes, closed when idle (1001), and forgotten on close after
 * every message it sent was handled. Both timeouts are timed per event loop ({@link LoopTimeouts}), not per
 * connection, this stage being the connection's entry in their lists; a read burst restarts the idle time at its
 * first message. Runs the
 * application's connect and close callbacks and the connect actions, and tells the connection log of both.
 * With connection recovery, a socket may carry a connection its client returned to, and a dropped
 * recoverable connection is parked instead of finished (see {@link RecoveryHook}).
 */
final class ConnectionLifecycleHandler extends LoopTimeouts.Entry implements ChannelInboundHandler, ConnectionCarrier {

    private static final Logger log = LoggerFactory.getLogger(ConnectionLifecycleHandler.class);

    private final LifecycleParts parts;
    private final OutboundGuardHandler guard;
    /** What each message read becomes: this connection's message steps, or the application's {@code onMessage}. */
    private final FrameReader reader;
    private ChannelHandlerContext ctx;
    private ChannelConnection connection;
    private boolean upgraded;
    /** Within a read burst: its first message restarted the idle time. */
    private boolean reading;
    /** Whether a frame aggregator sits right below this stage ({@link WholeMessages}). */
    private boolean assembling;
    /** The real IP whose connection slot this socket holds ({@link ConnectionLimiter}), or null. */
    private String slotIp;
    /** Why reading from this socket is paused ({@link io.kalisocket.internal.connection.ReadThrottle}). */
    private int readPauses;

    /**
     * @param parts what every connection's stage uses
     * @param guard this channel's outbound guard, where broadcasts enter the socket; after the upgrade it also does
     *     what Netty's protocol stage would
     * @param reader what each message read becomes (this stage is the last: messages are not a stage of their own)
     */
    ConnectionLifecycleHandler(LifecycleParts parts, OutboundGuardHandler guard, FrameReader reader) {
        this.parts = parts;
        this.reader = reader;
        this.guard = guard;
    }

    @Override
    public ChannelConnection carried() {
        return connection;
    }

    @Override
    public int readPauses() {
        return readPauses;
    }

    @Override
    public void readPauses(int reasons) {
        readPauses = reasons;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        parts.tracker().opened(ctx.channel());
        connection = parts.factory().open(ctx, guard);
        parts.handshakeTime().start(ctx.channel(), this);
        if (parts.callbacks().hasOnConnect()) {
            runCallback(() -> parts.callbacks().onConnect().accept(connection));
        }
        ctx.fireChannelActive();
    }

    // What ChannelInboundHandlerAdapter would forward: this stage extends its place in the timeouts' list instead.

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        // nothing to set up: the connection is made when the channel is active
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        // the channel's end (channelInactive) stops the timing
    }

    @Override
    public void channelRegistered(ChannelHandlerContext ctx) {
        ctx.fireChannelRegistered();
    }

    @Override
    public void channelUnregistered(ChannelHandlerContext ctx) {
        ctx.fireChannelUnregistered();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event == WebSocketUpgrade.COMPLETED) {
            upgraded(ctx);
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!reading && upgraded) {
            reading = true;
            restart(); // its idle time
        }
        if (!(msg instanceof WebSocketFrame frame)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (!assembling) {
            if (!frame.isFinalFragment()) {
                assembling = true;
                WholeMessages.assembleFrom(ctx, guard, frame, parts.maxMessageBytes());
                return;
            }
            CorruptedWebSocketFrameException notUtf8 = WholeMessages.notUtf8(frame);
            if (notUtf8 != null) {
                frame.release();
                guard.violated(notUtf8);
                return;
            }
        }
        try {
            reader.read(ctx, frame);
        } finally {
            frame.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        parts.errors().failed(ctx, cause); // the last stage: whatever failed anywhere in the pipeline
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        ctx.fireChannelReadComplete();
    }

    /** @param ip the real IP whose connection slot this socket took (told by the HTTP stage; given back at close) */
    void holdsSlotOf(String ip) {
        slotIp = ip;
    }

    @Override
    public void expired() {
        if (!upgraded) {
            log.debug("closing {}: no WebSocket upgrade within the handshake timeout", ctx.channel().remoteAddress());
            stop();
            ctx.close();
        } else if (connection.socket().channel() == ctx.channel()) {
            // A socket whose client returned on another one (connection recovery) is closing by itself.
            parts.stats().count(Counter.IDLE_CLOSES);
            log.debug("closing idle connection {}", connection.id());
            parts.recovery().idle(connection);
            connection.close(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE.code(), "idle timeout");
        }
    }

    private void upgraded(ChannelHandlerContext ctx) {
        // A WebSocket no longer needs the HTTP side: drop it to save memory per connection.
        ctx.pipeline().remove(HttpRequestHandler.class);
        parts.tracker().upgraded(ctx.channel()); // listed by the registry from now on
        guard.upgraded();
        stop();
        parts.idleTime().start(ctx.channel(), this);
        upgraded = true;
        parts.stats().count(Counter.CONNECTIONS_OPENED);
        if (parts.connectionLog() != null) {
            parts.connectionLog().opened(connection);
        }
        Handshake handshake = ctx.channel().attr(ChannelAttributes.HANDSHAKE).getAndRemove(); // no empty slot left
        RecoveryHook.Upgrade upgrade = parts.recovery().upgraded(connection, handshake);
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
                if (parts.recovery().closed(upgrade.connection(), ctx.channel()) == RecoveryHook.Disposition.FINISH) {
                    parts.finisher().finish(upgrade.connection());
                }
            }
            return;
        }
        if (upgrade.resumed()) {
            ChannelConnection fresh = connection;
            connection = upgrade.connection(); // this channel carries it from now on
            log.debug("resumed {} from {}", connection.id(), connection.ip());
            upgrade.greet().run();
            if (parts.authenticated() != null) {
                fresh.principal().ifPresent(connection::principal); // the returning client's new token counts
                bindPrincipal();
            }
            return;
        }
        parts.connections().add(connection);
        log.debug("connected {} from {}", connection.id(), connection.ip());
        upgrade.greet().run();
        if (parts.authenticated() != null) {
            bindPrincipal(); // queued first: before the connect action and before any message's action
        }
        if (parts.connectActions() != null) {
            parts.connectActions().connected(connection, handshake).ifPresent(parts.finisher()::connectAction);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (slotIp != null) {
            parts.limiter().release(slotIp);
        }
        stop();
        if (!upgraded) {
            parts.finisher().end(connection, false);
        } else {
            parts.stats().count(Counter.CONNECTIONS_CLOSED);
            if (parts.connectionLog() != null) {
                FirstClose close = connection.socket().firstClose();
                parts.connectionLog().closed(connection, close.code(), close.closedBy(), close.reason());
            }
            log.debug("closed {} ip={} duration={}ms in={} out={}", connection.id(), connection.ip(),
                    System.currentTimeMillis() - connection.openedAtMillis(), connection.socket().messagesIn(),
                    connection.socket().messagesOut());
            if (parts.recovery().closed(connection, ctx.channel()) == RecoveryHook.Disposition.FINISH) {
                parts.finisher().finish(connection);
            }
        }
        ctx.fireChannelInactive();
        parts.tracker().closed(ctx.channel()); // behind what the close queued, here and in the stages below
    }

    private void bindPrincipal() {
        ChannelConnection bound = connection;
        runCallback(() -> parts.authenticated().accept(bound));
    }

    private void runCallback(Runnable callback) {
        parts.finisher().run(connection, callback);
    }
}
