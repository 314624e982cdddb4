package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig;
import io.kalisocket.internal.logging.ConnectionLog;
import io.kalisocket.internal.logging.ConnectionLogSummary;
import io.kalisocket.internal.logging.EachConnectionLine;
import io.kalisocket.internal.logging.LogLimiter;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.ssl.SslHandler;
import java.util.function.Consumer;

/**
 * The whole protocol stack, top to bottom, one stage per concern (docs/ARCHITECTURE.md §3). The HTTP stages
 * leave the pipeline once the WebSocket upgrade completes. With TLS the first stage decrypts
 * ({@code wss://}). Stages without per-connection state are made once here and shared by every connection.
 */
final class KaliChannelInitializer implements Consumer<Channel> {

    /** Largest upgrade request or GET accepted (headers included; such requests have no body). */
    private static final int MAX_HTTP_REQUEST_BYTES = 16 * 1024;

    private final ServerAssembly parts;
    private final LimitsConfig limits;
    private final WebSocketEndpoint endpoint;
    private final WebSocketUpgrade upgrade;
    private final OutboundGuardHandler.Rules guardRules;
    private final ConnectionTasks tasks;
    private final MessageSteps steps;
    private final OwnMessageHandler ownMessages;
    private final LifecycleParts lifecycle;

    /** @param parts the server's parts, each stage takes what it uses */
    KaliChannelInitializer(ServerAssembly parts) {
        this.parts = parts;
        this.limits = parts.config.limits();
        this.endpoint = WebSocketEndpoint.of(parts);
        this.upgrade = new WebSocketUpgrade(WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(limits.maxMessageBytes())
                .expectMaskedFrames(true)
                .allowExtensions(false)
                .withUTF8Validator(false) // checked by the lifecycle stage (see initChannel)
                // Off: the decoder would close at once after its close frame, and a client still sending would get a
                // TCP reset that can destroy that frame; the outbound guard answers instead.
                .closeOnProtocolViolation(false)
                .build());
        // One frame encoder for every connection: Netty's is stateless on a server, which masks nothing.
        this.guardRules = new OutboundGuardHandler.Rules(
                new SlowConsumers(limits.slowConsumerPolicy(), parts.stats),
                new ClosingHandshake(parts.clock, parts.recoveryHook), new WebSocket13FrameEncoder(false));
        ConnectionErrors errors = new ConnectionErrors(limits.maxMessageBytes(), parts.callbacks,
                parts.finisher, parts.stats, new LogLimiter(ConnectionErrors.WARN_INTERVAL, parts.clock::nanoTime));
        this.tasks = new ConnectionTasks(parts.dispatcher, parts.stats);
        InboundGate gate = new InboundGate(parts.stats, tasks);
        this.steps = new MessageSteps(
                new Heartbeat(parts.config.protocol().heartbeatPing(), parts.config.protocol().heartbeatPong(),
                        parts.stats),
                gate, new EnvelopeParser(parts.mapper.reader()),
                TokenBucket.of(limits.messagesPerSecond(), limits.messageBurst(), parts.clock::nanoTime),
                new RateLimit(parts.clock::nanoTime, limits.closeAfterRateLimited(), parts.dispatcher, tasks,
                        parts.stats),
                parts.dispatcher, parts.receipts, tasks, parts.stats, limits.maxQueuedPerConnection());
        ConnectionLog connectionLog = switch (parts.config.logging().connections()) {
            case "each" -> new EachConnectionLine();
            case "off" -> null;
            default -> new ConnectionLogSummary(parts.clock::nanoTime);
        };
        this.lifecycle = new LifecycleParts(parts.connectionFactory, parts.connections, parts.finisher,
                parts.recoveryHook, parts.callbacks, parts.connectActions, parts.stats, parts.authenticated,
                new LoopTimeouts(limits.handshakeTimeout(), parts.clock), new LoopTimeouts(limits.idleTimeout(),
                parts.clock), connectionLog, parts.tracker, limits.maxMessageBytes(), endpoint.limiter(), errors);
        this.ownMessages = parts.callbacks.onMessage() == null ? null
                : new OwnMessageHandler(parts.callbacks.onMessage(), gate, tasks);
    }

    /**
     * Builds an accepted connection's pipeline. Each stage is named: Netty would otherwise make a name per stage per
     * connection (a cache lookup and a walk of the pipeline each).
     *
     * @param ch the accepted connection, registered with its event loop
     */
    @Override
    public void accept(Channel ch) {
        ChannelPipeline p = ch.pipeline();
        if (parts.tls != null) {
            SslHandler ssl = parts.tls.newHandler(ch.alloc());
            ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
            p.addLast("tls", ssl);
        }
        p.addLast("http", new HttpServerCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(MAX_HTTP_REQUEST_BYTES));
        p.addLast("http-requests",
                new HttpRequestHandler(endpoint, parts.staticFiles, parts.httpEndpoints, parts.callbacks, upgrade));
        // No UTF-8 check stage: the lifecycle stage checks a whole text message itself, and adds Netty's check below
        // the guard at a first fragmented message. No Netty protocol stage either: the HTTP stage completes the
        // handshake (WebSocketUpgrade), the guard then does that stage's work (see the class).
        OutboundGuardHandler guard = new OutboundGuardHandler(guardRules);
        p.addLast("guard", guard);
        // No frame aggregator here: the lifecycle stage adds one below itself at a connection's first fragment.
        // The last stage: it hands each message to the message steps (or the application's onMessage) and whatever
        // failed to ConnectionErrors, neither a stage of its own (64 B of context each, per connection).
        p.addLast("lifecycle", new ConnectionLifecycleHandler(lifecycle, guard,
                ownMessages != null ? ownMessages : new MessageHandler(steps)));
    }
}
