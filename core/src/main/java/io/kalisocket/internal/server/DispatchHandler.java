package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.Route;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.Optional;

/**
 * The ready pipeline's last stage: routes the call and runs its action through the dispatcher, on the
 * connection's action queue, or inline on the event loop when the action is declared non-blocking
 * ({@code @Inline}) and nothing of the connection is waiting. A call with a {@code msgid} seen within the
 * receipts' window runs once: a repeat was acknowledged by the receipt stage and is not run again.
 */
@Sharable
final class DispatchHandler extends SimpleChannelInboundHandler<Envelope> {

    private final ActionDispatcher dispatcher;
    private final ReceiptTracker receipts;
    private final ConnectionTasks tasks;
    private final ServerStats stats;

    DispatchHandler(ActionDispatcher dispatcher, ReceiptTracker receipts, ConnectionTasks tasks, ServerStats stats) {
        super(false);
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.tasks = tasks;
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
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
