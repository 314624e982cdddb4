package io.kalisocket.internal.lifecycle;

import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Knows every channel of the server until its connection is finished: closed, and every task its queue held
 * at that moment (its last messages, the offline action, {@code onClose}) has run. Told by the lifecycle stage when
 * a channel starts and ends: not a stage of its own, which would be 64 bytes of every connection.
 */
public final class ChannelTracker {

    /**
     * The value of a channel nobody waits for yet. Its future is made only when asked for ({@link #unfinished}, at a
     * drain): an open connection holds no future and no listener, just its map entry.
     */
    private static final Object NOT_AWAITED = new Object();

    private final ConcurrentHashMap<Channel, Object> live = new ConcurrentHashMap<>();
    private final Function<Channel, SerialQueue> queueOf;

    /** @param queueOf the queue of a channel's connection, or null when it has none */
    public ChannelTracker(Function<Channel, SerialQueue> queueOf) {
        this.queueOf = queueOf;
    }

    /** @param channel a channel that became active (told by the lifecycle stage, first thing) */
    public void opened(Channel channel) {
        live.put(channel, NOT_AWAITED);
    }

    /**
     * Call once every stage handled the channel's end: the lifecycle stage queued the offline action and
     * {@code onClose}, and this marker, queued behind them, says when they are done.
     *
     * @param channel a channel that became inactive
     */
    public void closed(Channel channel) {
        if (!live.containsKey(channel)) {
            return;
        }
        // The marker, queued behind them, says when they are done (at once when nothing is queued).
        SerialQueue queue = queueOf.apply(channel);
        if (queue == null || queue.isIdle() || !queue.offer(() -> finished(channel))) {
            finished(channel);
        }
    }

    private void finished(Channel channel) {
        if (live.remove(channel) instanceof CompletableFuture<?> awaited) {
            awaited.complete(null);
        }
    }

    /** @return the channels not finished yet, each with the future that completes when it is */
    @SuppressWarnings("unchecked")
    public Map<Channel, CompletableFuture<Void>> unfinished() {
        Map<Channel, CompletableFuture<Void>> awaited = new HashMap<>();
        for (Channel channel : live.keySet()) {
            Object future = live.computeIfPresent(channel,
                    (c, value) -> value == NOT_AWAITED ? new CompletableFuture<Void>() : value);
            if (future != null) {
                awaited.put(channel, (CompletableFuture<Void>) future);
            }
        }
        return Map.copyOf(awaited);
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
