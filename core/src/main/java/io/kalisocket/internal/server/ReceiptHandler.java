package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.Receipt;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Acknowledges a call that carries a {@code msgid} at once, {@code {"type":"pongMsg","msgid":M}}, before its
 * action runs, and passes the call on. Whether a repeat runs again is the dispatch stage's question: it asks the
 * receipts' window when the action's turn comes (the window may live in Redis, which is not asked on the loop).
 */
@Sharable
final class ReceiptHandler extends SimpleChannelInboundHandler<Envelope> {

    private final ServerStats stats;

    ReceiptHandler(ServerStats stats) {
        super(false);
        this.stats = stats;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Envelope envelope) {
        if (envelope.wantsReceipt()) {
            ChannelConnection connection = ChannelConnection.of(ctx.channel());
            stats.count(Counter.RECEIPTS);
            connection.socket().reply(Receipt.of(envelope.msgid()));
        }
        ctx.fireChannelRead(envelope);
    }
}
