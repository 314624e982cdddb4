package io.kalisocket.internal.lifecycle;

import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Counts every channel of the server until its connection is finished: closed, and every task its queue held at that
 * moment (its last messages, the offline action, {@code onClose}) has run. Told by the lifecycle stage when a channel
 * starts, upgrades and ends: not a stage of its own, which would be 64 bytes of every connection.
 *
 * <p>Only the channels still speaking HTTP are kept by name (the drain closes those idle between two requests); an
 * upgraded one is found through the connection registry, so it holds no entry here: a map entry was 38 bytes of
 * every idle connection (docs/BENCHMARKS.md, "idle memory per connection").
 */
public final class ChannelTracker {

    private final Set<Channel> speakingHttp = ConcurrentHashMap.newKeySet();
    private final AtomicInteger unfinished = new AtomicInteger();
    /** Completed at the next finish; set only while the drain waits for one. */
    private volatile CompletableFuture<Void> nextFinish;
    private final Function<Channel, SerialQueue> queueOf;

    /** @param queueOf the queue of a channel's connection, or null when it has none */
    public ChannelTracker(Function<Channel, SerialQueue> queueOf) {
        this.queueOf = queueOf;
    }

    /** @param channel a channel that became active (told by the lifecycle stage, first thing) */
    public void opened(Channel channel) {
        unfinished.incrementAndGet();
        speakingHttp.add(channel);
    }

    /** @param channel a channel whose WebSocket upgrade completed: from now on the connection registry lists it */
    public void upgraded(Channel channel) {
        speakingHttp.remove(channel);
    }

    /**
     * Call once, after every stage handled the channel's end: the lifecycle stage queued the offline action and
     * {@code onClose}, and a marker queued behind them says when they are done (at once when nothing is queued).
     *
     * @param channel a channel that became inactive
     */
    public void closed(Channel channel) {
        speakingHttp.remove(channel);
        SerialQueue queue = queueOf.apply(channel);
        if (queue == null || queue.isIdle() || !queue.offer(this::finished)) {
            finished();
        }
    }

    private void finished() {
        unfinished.decrementAndGet();
        CompletableFuture<Void> waiting = nextFinish;
        if (waiting != null) {
            waiting.complete(null);
        }
    }

    /**
     * Waits until a channel finishes, at most {@code nanos}; for the drain, the only caller.
     *
     * @param nanos the longest wait
     * @throws InterruptedException if interrupted while waiting
     */
    public void awaitAFinish(long nanos) throws InterruptedException {
        CompletableFuture<Void> next = new CompletableFuture<>();
        nextFinish = next;
        try {
            if (unfinished.get() > 0) { // read after the future is set: a finish from now on completes it
                next.get(nanos, TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException | ExecutionException e) {
            // Time to look again: a connection may have upgraded meanwhile.
        } finally {
            nextFinish = null;
        }
    }

    /** @return the channels still in their HTTP phase: a page's keep-alive connection, or an upgrade being checked */
    public List<Channel> speakingHttp() {
        return List.copyOf(speakingHttp);
    }

    /** @return how many channels are not finished yet: speaking HTTP, upgraded, or closing */
    public int count() {
        return unfinished.get();
    }
}
