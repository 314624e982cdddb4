package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.Route;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.kalisocket.internal.protocol.Receipt;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Optional;

/**
 * The ready pipeline's message stage: a data frame becomes a call and its action runs. In order: the gate
 * ({@link InboundGate}), the rate limit ({@link RateLimit}: every frame takes a token before it is read, or is
 * answered {@code 429}), text only ({@code 400} for binary), the heartbeat ({@link Heartbeat}), the envelope
 * ({@code 400} when the frame is not a call), the receipt ({@code {"type":"pongMsg","msgid":M}} at once), the
 * route ({@code 404}), then the action: on the connection's action queue, or inline on the event loop when it is
 * declared non-blocking ({@code @Inline}) and nothing of the connection is waiting. A call with a {@code msgid}
 * seen within the receipts' window was acknowledged again but does not run again.
 *
 * <p>Each step is its own class; this stage only orders them, so a message costs one pipeline hop and one lookup
 * of its connection (four stages did the same for 7-13 % more CPU per echo). One per connection: it holds the
 * connection's rate limit.
 */
final class MessageHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final Heartbeat heartbeat;
    private final InboundGate gate;
    private final EnvelopeParser parser;
    private final RateLimit rateLimit;
    private final ActionDispatcher dispatcher;
    private final ReceiptTracker receipts;
    private final ConnectionTasks tasks;
    private final ServerStats stats;

    MessageHandler(Heartbeat heartbeat, InboundGate gate, EnvelopeParser parser, RateLimit rateLimit,
            ActionDispatcher dispatcher, ReceiptTracker receipts, ConnectionTasks tasks, ServerStats stats) {
        this.heartbeat = heartbeat;
        this.gate = gate;
        this.parser = parser;
        this.rateLimit = rateLimit;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.tasks = tasks;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ChannelConnection connection = gate.admit(ctx);
        if (connection == null) {
            return;
        }
        if (!rateLimit.take()) {
            rateLimit.refuse(ctx, connection, frame instanceof TextWebSocketFrame ? readOrNull(frame) : null);
            return;
        }
        if (!gate.isText(ctx, connection, frame) || heartbeat.answer(ctx, frame.content())) {
            return;
        }
        Envelope envelope;
        try {
            envelope = parser.parse(frame.content()); // the frame is released once this method returns
        } catch (EnvelopeException e) {
            tasks.answer(ctx, connection, () -> dispatcher.rejectInvalid(connection, e));
            return;
        }
        if (envelope.wantsReceipt()) {
            stats.count(Counter.RECEIPTS);
            connection.socket().reply(Receipt.of(envelope.msgid()));
        }
        dispatch(ctx, connection, envelope);
    }

    /** A frame over the budget is read only for the ids of its {@code 429}; the rate limit closes a flood soon. */
    private Envelope readOrNull(WebSocketFrame frame) {
        try {
            return parser.parse(frame.content());
        } catch (EnvelopeException notACall) {
            return null;
        }
    }

    private void dispatch(ChannelHandlerContext ctx, ChannelConnection connection, Envelope envelope) {
        Optional<Route> route = dispatcher.find(envelope.controller(), envelope.action());
        if (route.isEmpty()) {
            tasks.answer(ctx, connection, () -> dispatcher.notFound(connection, envelope));
            return;
        }
        Runnable call = () -> {
            if (envelope.wantsReceipt()
                    && !receipts.firstDelivery(connection.id(), connection.uid(), envelope.msgid())) {
                stats.count(Counter.DEDUP_HITS);
                return;
            }
            dispatcher.invoke(connection, route.get(), envelope);
        };
        if (route.get().inline() && connection.queue().isIdle()) {
            tasks.onLoop(ctx, call);
        } else {
            tasks.queue(connection, call, envelope);
        }
    }
}
