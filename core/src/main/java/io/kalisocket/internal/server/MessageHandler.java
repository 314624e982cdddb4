package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ReadThrottle;
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
 * connection's rate limit and counts its inline calls waiting on the event loop.
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
    private final int maxWaitingOnLoop;
    /** This connection's inline calls waiting on the event loop; the loop's only, as this stage. */
    private int waitingOnLoop;
    private boolean loopPaused;

    MessageHandler(Heartbeat heartbeat, InboundGate gate, EnvelopeParser parser, RateLimit rateLimit,
            ActionDispatcher dispatcher, ReceiptTracker receipts, ConnectionTasks tasks, ServerStats stats,
            int maxWaitingOnLoop) {
        this.heartbeat = heartbeat;
        this.gate = gate;
        this.parser = parser;
        this.rateLimit = rateLimit;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.tasks = tasks;
        this.stats = stats;
        this.maxWaitingOnLoop = maxWaitingOnLoop;
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
        if (route.get().inline() && connection.queue().isIdle()) {
            runOnLoop(ctx, connection, route.get(), envelope);
        } else {
            tasks.queue(connection, () -> call(connection, route.get(), envelope), envelope);
        }
    }

    /**
     * Runs an {@code @Inline} call on the event loop, behind what is queued there. Reading pauses while as many of
     * the connection's calls wait there as its action queue may hold, and goes on when none waits: without it a
     * flood of inline calls would queue tasks on the loop faster than they run.
     */
    private void runOnLoop(ChannelHandlerContext ctx, ChannelConnection connection, Route route, Envelope envelope) {
        if (++waitingOnLoop == maxWaitingOnLoop) {
            loopPaused = true;
            connection.socket().reads().pause(ReadThrottle.Reason.LOOP_TASKS);
        }
        tasks.onLoop(ctx, () -> {
            if (--waitingOnLoop == 0 && loopPaused) {
                loopPaused = false;
                connection.socket().reads().resume(ReadThrottle.Reason.LOOP_TASKS);
            }
            call(connection, route, envelope);
        });
    }

    private void call(ChannelConnection connection, Route route, Envelope envelope) {
        if (envelope.wantsReceipt() && !receipts.firstDelivery(connection.id(), connection.uid(), envelope.msgid())) {
            stats.count(Counter.DEDUP_HITS);
            return;
        }
        dispatcher.invoke(connection, route, envelope);
    }
}
