package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.mvc.ReplyCode;
import io.kalisocket.internal.mvc.Route;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.kalisocket.internal.protocol.Receipt;
import io.kalisocket.internal.protocol.Reply;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ready pipeline's last stage: envelope, rate limit, receipt and dedup, then dispatch. Parsing and
 * checks run on the event loop; actions run on the connection's queue (or inline, when declared
 * non-blocking and nothing of the connection is waiting). With an application {@code onMessage} it hands
 * every text frame to that callback instead.
 */
final class MessageHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(MessageHandler.class);

    private final ServerContext server;
    private final ActionDispatcher dispatcher;
    private final EnvelopeParser parser;
    private final TokenBucket rateLimit;
    private final int closeAfterRateLimited;
    private int rateLimitedInARow;

    MessageHandler(ServerContext server, EnvelopeParser parser) {
        this.server = server;
        this.dispatcher = server.dispatcher();
        this.parser = parser;
        LimitsConfig limits = server.config().limits();
        this.rateLimit = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), System::nanoTime);
        this.closeAfterRateLimited = limits.closeAfterRateLimited();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ChannelConnection connection = ctx.channel().attr(ChannelAttributes.CONNECTION).get();
        if (connection.isClosing()) {
            return; // after our close frame: neither run nor acknowledged, so a client resends it elsewhere
        }
        if (connection.channel() != ctx.channel()) {
            return; // its client returned on another socket (connection recovery): this one is closing
        }
        connection.countIn();
        server.stats().messageIn();
        if (!(frame instanceof TextWebSocketFrame text)) {
            ordered(ctx, connection, () -> dispatcher.reply(connection, new Reply(null, null, ReplyCode.BAD_REQUEST,
                    "binary messages are not supported; send JSON text", null, null)));
            return;
        }
        if (server.callbacks().onMessage() != null) {
            String body = text.text();
            run(connection, () -> server.callbacks().onMessage().accept(connection, body), null);
            return;
        }
        Envelope envelope;
        try {
            envelope = parser.parse(text.content());
        } catch (EnvelopeException e) {
            ordered(ctx, connection, () -> dispatcher.rejectInvalid(connection, e));
            return;
        }
        if (!rateLimit.tryTake()) {
            rateLimited(ctx, connection, envelope);
            return;
        }
        rateLimitedInARow = 0;
        if (envelope.wantsReceipt()) {
            server.stats().receipt();
            connection.reply(Receipt.of(envelope.msgid()));
        }
        Optional<Route> route = dispatcher.find(envelope.controller(), envelope.action());
        if (route.isEmpty()) {
            ordered(ctx, connection, () -> dispatcher.notFound(connection, envelope));
            return;
        }
        Runnable call = () -> {
            if (envelope.wantsReceipt()
                    && !server.receipts().firstDelivery(connection.id(), connection.uid(), envelope.msgid())) {
                server.stats().dedupHit();
                return;
            }
            dispatcher.invoke(connection, route.get(), envelope);
        };
        if (route.get().inline() && connection.queue().isIdle()) {
            onLoop(ctx, call);
        } else {
            run(connection, call, envelope);
        }
    }

    private void rateLimited(ChannelHandlerContext ctx, ChannelConnection connection, Envelope envelope) {
        server.stats().rateLimited();
        rateLimitedInARow++;
        if (closeAfterRateLimited > 0 && rateLimitedInARow >= closeAfterRateLimited) {
            log.info("closing {}: {} messages in a row over the rate limit", connection.id(), rateLimitedInARow);
            // Behind the replies still on their way, so the client sees them before the close.
            ordered(ctx, connection, () -> connection.close(WebSocketCloseStatus.POLICY_VIOLATION.code(),
                    "rate limit exceeded"));
            return;
        }
        ordered(ctx, connection, () -> dispatcher.reply(connection,
                Reply.error(envelope, ReplyCode.RATE_LIMITED, "rate limit exceeded")));
    }

    /** Runs a cheap answer on the loop when nothing of the connection is waiting, else behind what is. */
    private void ordered(ChannelHandlerContext ctx, ChannelConnection connection, Runnable answer) {
        if (connection.queue().isIdle()) {
            onLoop(ctx, answer);
        } else {
            run(connection, answer, null);
        }
    }

    /**
     * Runs work on the event loop behind the tasks already queued there: an idle action queue may still have
     * its last reply waiting in the loop's task queue, and running now would overtake it.
     */
    private static void onLoop(ChannelHandlerContext ctx, Runnable work) {
        ctx.executor().execute(work);
    }

    private void run(ChannelConnection connection, Runnable task, Envelope envelope) {
        if (connection.queue().offer(task)) {
            return;
        }
        server.stats().queueFull();
        log.debug("queue of {} is full; refusing a message", connection.id());
        Reply busy = envelope == null
                ? new Reply(null, null, ReplyCode.UNAVAILABLE, "server busy", null, null)
                : Reply.error(envelope, ReplyCode.UNAVAILABLE, "server busy");
        dispatcher.reply(connection, busy);
    }
}
