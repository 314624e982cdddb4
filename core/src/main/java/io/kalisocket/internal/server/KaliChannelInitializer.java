package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.lifecycle.ChannelTracker;
import io.kalisocket.internal.logging.ConnectionLogHandler;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/**
 * The whole protocol stack, top to bottom, one stage per concern. The HTTP stages leave the pipeline once
 * the WebSocket upgrade completes. With TLS the first stage after the tracker decrypts ({@code wss://}).
 */
final class KaliChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Largest upgrade request or GET accepted (headers included; such requests have no body). */
    private static final int MAX_HTTP_REQUEST_BYTES = 16 * 1024;
    /** Milliseconds to wait for the client's close frame before dropping the TCP connection. */
    private static final long FORCE_CLOSE_MILLIS = 3_000;

    private static final ClosingHandshakeHandler CLOSING_HANDSHAKE = new ClosingHandshakeHandler();

    private final ServerContext server;
    private final RealIpResolver realIp;
    private final ConnectionLimiter limiter;
    private final GatewayModeRunner gatewayMode;
    private final EnvelopeParser parser;
    private final WebSocketServerProtocolConfig webSocket;
    private final ChannelTracker tracker;
    private final SslContext tls;

    /**
     * @param server what the stages share
     * @param gatewayMode runs the online/offline actions, or null
     * @param tracker knows every channel until it is finished (the graceful stop waits on it)
     * @param tls the TLS context, or null for plain {@code ws://}
     */
    KaliChannelInitializer(ServerContext server, GatewayModeRunner gatewayMode, ChannelTracker tracker,
            SslContext tls) {
        this.server = server;
        this.gatewayMode = gatewayMode;
        this.tracker = tracker;
        this.tls = tls;
        LimitsConfig limits = server.config().limits();
        this.realIp = new RealIpResolver(server.config().http().trustedProxies());
        this.limiter = new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerIp());
        this.parser = new EnvelopeParser(server.mapper().reader());
        this.webSocket = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath(server.config().server().path())
                .checkStartsWith(true)
                .handshakeTimeoutMillis(limits.handshakeTimeout().toMillis())
                .forceCloseTimeoutMillis(FORCE_CLOSE_MILLIS)
                .decoderConfig(WebSocketDecoderConfig.newBuilder()
                        .maxFramePayloadLength(limits.maxMessageBytes())
                        .expectMaskedFrames(true)
                        .allowExtensions(false)
                        .withUTF8Validator(true)
                        .closeOnProtocolViolation(true)
                        .build())
                .build();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        LimitsConfig limits = server.config().limits();
        ChannelPipeline p = ch.pipeline();
        p.addLast(tracker);
        if (tls != null) {
            SslHandler ssl = tls.newHandler(ch.alloc());
            ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
            p.addLast(ssl);
        }
        p.addLast(new FlushConsolidationHandler(256, true));
        p.addLast(new HandshakeTimeoutHandler(limits.handshakeTimeout()));
        p.addLast(new HttpServerCodec());
        p.addLast(new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        p.addLast(new HttpRequestHandler(server, realIp, limiter));
        p.addLast(new ConnectionLogHandler(KaliChannelInitializer::connectionOf));
        server.recovery().newCloseWatcher().ifPresent(p::addLast);
        p.addLast(CLOSING_HANDSHAKE);
        // Below the protocol stage: it sees the close frames that stage sends too (see the class).
        p.addLast(new OutboundGuardHandler(limits.slowConsumerPolicy(), server.stats()));
        p.addLast(new WebSocketServerProtocolHandler(webSocket));
        p.addLast(new WebSocketFrameAggregator(limits.maxMessageBytes()));
        p.addLast(new IdleStateHandler(limits.idleTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS));
        p.addLast(new ConnectionLifecycleHandler(server, gatewayMode));
        if (server.callbacks().onMessage() == null) {
            // With its own onMessage the application sees every frame, heartbeats included (as in Workerman).
            p.addLast(new HeartbeatHandler(server.config().protocol().heartbeatPing(),
                    server.config().protocol().heartbeatPong(), server.stats()));
        }
        p.addLast(new MessageHandler(server, parser));
    }

    /** @param channel a channel of this server @return its connection, or null before it has one */
    static ChannelConnection connectionOf(Channel channel) {
        return channel.attr(ChannelAttributes.CONNECTION).get();
    }
}
