package io.kalisocket.internal.lifecycle;

import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Knows every channel of the server until its connection is finished: closed, and every task its queue held
 * at that moment (its last messages, the offline action, {@code onClose}) has run. The first stage of the
 * pipeline, so it sees the channel before and after every other stage.
 */
@Sharable
public final class ChannelTracker extends ChannelInboundHandlerAdapter {

    private final Map<Channel, CompletableFuture<Void>> live = new ConcurrentHashMap<>();
    private final Function<Channel, SerialQueue> queueOf;

    /** @param queueOf the queue of a channel's connection, or null when it has none */
    public ChannelTracker(Function<Channel, SerialQueue> queueOf) {
        this.queueOf = queueOf;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        Channel channel = ctx.channel();
        CompletableFuture<Void> finished = new CompletableFuture<>();
        live.put(channel, finished);
        finished.whenComplete((ok, error) -> live.remove(channel, finished));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        // The later stages run first: the lifecycle stage queues the offline action and onClose...
        ctx.fireChannelInactive();
        CompletableFuture<Void> finished = live.get(ctx.channel());
        if (finished == null) {
            return;
        }
        // ...and this marker, queued behind them, says when they are done (at once when nothing is queued).
        SerialQueue queue = queueOf.apply(ctx.channel());
        if (queue == null || queue.isIdle() || !queue.offer(() -> finished.complete(null))) {
            finished.complete(null);
        }
    }

    /** @return the channels not finished yet, each with the future that completes when it is */
    public Map<Channel, CompletableFuture<Void>> unfinished() {
        return Map.copyOf(live);
    }

    /** @return the channels not finished yet */
    public List<Channel> channels() {
        return List.copyOf(live.keySet());
    }

    /** @return how many channels are not finished yet */
    public int count() {
        return live.size();
    }
}
