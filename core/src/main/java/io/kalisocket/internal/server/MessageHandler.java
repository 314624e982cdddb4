package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ReadThrottle;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.Route;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.Receipt;
import io.kalisocket.internal.stats.Counter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Optional;

/**
 * What a connection's messages become ({@link FrameReader}; the lifecycle stage calls it): a data frame becomes a call
 * and its action runs. In order: the gate
 * ({@link InboundGate}), the rate limit ({@link RateLimit}: every frame takes a token before it is read, or is
 * answered {@code 429}), text only ({@code 400} for binary), the heartbeat ({@link Heartbeat}), the envelope
 * ({@code 400} when the frame is not a call), the receipt ({@code {"type":"pongMsg","msgid":M}} at once), the
 * route ({@code 404}), then the action: on the connection's action queue, or inline on the event loop when it is
 * declared non-blocking ({@code @Inline}) and nothing of the connection is waiting — at once, in the read, when the
 * connection never queued anything (its queue never had a task: nothing of it can wait in the loop's task queue),
 * else as a task on the loop, behind what its action queue left there. A call with a {@code msgid}
 * seen within the receipts' window was acknowledged again but does not run again.
 *
 * <p>Each step is its own class; this only orders them, so a message costs no pipeline hop of its own and one lookup
 * of its connection (four stages did the same for 7-13 % more CPU per echo). One per connection, holding only that
 * connection's state (its budget, its inline calls waiting on the event loop); the steps are shared
 * ({@link MessageSteps}).
 */
final class MessageHandler implements FrameReader {

    private final MessageSteps steps;
    /** This connection's message budget: the time its bucket is full again ({@link TokenBucket}). */
    private long budgetFullAt;
    /** Its frames refused lately: made at the first refusal, as most connections never meet their limit. */
    private SlidingWindowCount refused;
    /** Its inline calls waiting on the event loop; the loop's only, as the stage that calls this. */
    private int waitingOnLoop;

    /** @param steps the server's steps, shared; the connection's budget starts full */
    MessageHandler(MessageSteps steps) {
        this.steps = steps;
        this.budgetFullAt = steps.budget().full();
    }

    @Override
    public void read(ChannelHandlerContext ctx, WebSocketFrame frame) {
        ChannelConnection connection = steps.gate().admit(ctx);
        if (connection == null) {
            return;
        }
        long budgetAfter = steps.budget().take(budgetFullAt);
        if (budgetAfter == TokenBucket.REFUSED) {
            if (refused == null) {
                refused = steps.rateLimit().newWindow();
            }
            steps.rateLimit().refuse(ctx, connection, frame instanceof TextWebSocketFrame ? readOrNull(frame) : null,
                    refused);
            return;
        }
        budgetFullAt = budgetAfter;
        if (!steps.gate().isText(ctx, connection, frame) || steps.heartbeat().answer(ctx, frame.content())) {
            return;
        }
        Envelope envelope;
        try {
            envelope = steps.parser().parse(frame.content()); // the frame is released once this method returns
        } catch (EnvelopeException e) {
            steps.tasks().answer(ctx, connection, () -> steps.dispatcher().rejectInvalid(connection, e));
            return;
        }
        if (envelope.wantsReceipt()) {
            steps.stats().count(Counter.RECEIPTS);
            connection.socket().reply(Receipt.of(envelope.msgid()));
        }
        dispatch(ctx, connection, envelope);
    }

    /** A frame over the budget is read only for the ids of its {@code 429}; the rate limit closes a flood soon. */
    private Envelope readOrNull(WebSocketFrame frame) {
        try {
            return steps.parser().parse(frame.content());
        } catch (EnvelopeException notACall) {
            return null;
        }
    }

    private void dispatch(ChannelHandlerContext ctx, ChannelConnection connection, Envelope envelope) {
        ActionDispatcher dispatcher = steps.dispatcher();
        Optional<Route> route = dispatcher.find(envelope.controller(), envelope.action());
        if (route.isEmpty()) {
            steps.tasks().answer(ctx, connection, () -> dispatcher.notFound(connection, envelope));
            return;
        }
        if (route.get().inline() && connection.neverQueued()) {
            // Nothing of the connection can wait in the loop's task queue: run now, in the read, with no task and no
            // lambda per call (a flood of them was old-generation garbage: 2 GB of heap and a third of the CPU in GC).
            call(connection, route.get(), envelope);
        } else if (route.get().inline() && connection.queue().isIdle()) {
            runOnLoop(ctx, connection, route.get(), envelope);
        } else {
            steps.tasks().queue(connection, () -> call(connection, route.get(), envelope), envelope);
        }
    }

    /**
     * Runs an {@code @Inline} call on the event loop, behind what is queued there. Reading pauses while as many of
     * the connection's calls wait there as its action queue may hold, and goes on at half of that (not at none, so
     * the loop has work while the next read comes): without it a flood of inline calls would queue tasks on the loop
     * faster than they run.
     */
    private void runOnLoop(ChannelHandlerContext ctx, ChannelConnection connection, Route route, Envelope envelope) {
        if (++waitingOnLoop == steps.maxWaitingOnLoop()) {
            connection.socket().pauseReading(ReadThrottle.Reason.LOOP_TASKS);
        }
        steps.tasks().onLoop(ctx, () -> {
            // Falling back to half is where a pause at the full count ends (a resume that was not paused does nothing;
            // no flag: a connection's handler stays at 32 bytes).
            if (--waitingOnLoop == steps.maxWaitingOnLoop() / 2) {
                connection.socket().resumeReading(ReadThrottle.Reason.LOOP_TASKS);
            }
            call(connection, route, envelope);
        });
    }

    private void call(ChannelConnection connection, Route route, Envelope envelope) {
        if (envelope.wantsReceipt()) {
            boolean first;
            try {
                first = steps.receipts().firstDelivery(connection.id(), connection.uid(), envelope.msgid());
            } catch (RuntimeException windowUnreachable) {
                // The receipt is out already, so the client will not resend by itself: it must get an answer.
                // Not run: a run that cannot be recorded could run again when the client resends.
                steps.dispatcher().receiptWindowUnavailable(connection, envelope, windowUnreachable);
                return;
            }
            if (!first) {
                steps.stats().count(Counter.DEDUP_HITS);
                return;
            }
        }
        steps.dispatcher().invoke(connection, route, envelope);
    }
}
