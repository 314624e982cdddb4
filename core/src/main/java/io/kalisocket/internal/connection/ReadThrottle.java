package io.kalisocket.internal.connection;

import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;

/**
 * Stops reading from a connection's socket while it has more in hand than it may hold, and reads again once it
 * caught up: a flood is slowed down by TCP (the client's sends block), not answered with errors or buffered
 * without bound. Each {@link Reason} pauses on its own; reading goes on when none holds. Used from the connection's
 * event loop; calls from other threads (an action thread draining the queue) hop onto it.
 */
public final class ReadThrottle implements SerialQueue.Backpressure {

    /** Why reading is paused. */
    public enum Reason {
        /** The outbound buffer is past its high-water mark: the client does not read its answers. */
        OUTBOUND,
        /** The action queue holds {@code limits.max-queued-per-connection} calls. */
        ACTIONS,
        /** Inline actions waiting on the event loop: as many as the action queue may hold. */
        LOOP_TASKS
    }

    private final Runnable onPause;
    private volatile Channel channel;
    /** One bit per reason that holds; the event loop's only. */
    private int paused;

    /** @param channel the socket to throttle @param onPause told each time reading pauses (counts it) */
    ReadThrottle(Channel channel, Runnable onPause) {
        this.channel = channel;
        this.onPause = onPause;
    }

    /** @param carrier the socket the connection moved to (connection recovery): it reads, nothing holds */
    void moveTo(Channel carrier) {
        this.channel = carrier;
        carrier.eventLoop().execute(() -> paused = 0);
    }

    /** @param reason stops reading for this reason until {@link #resume} for it */
    public void pause(Reason reason) {
        onLoop(() -> {
            boolean reading = paused == 0;
            paused |= 1 << reason.ordinal();
            if (reading) {
                channel.config().setAutoRead(false);
                onPause.run();
            }
        });
    }

    /** @param reason no longer a reason to stop reading; reading goes on when no other holds */
    public void resume(Reason reason) {
        onLoop(() -> {
            paused &= ~(1 << reason.ordinal());
            if (paused == 0 && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true);
            }
        });
    }

    /** @return true while some reason holds reading */
    public boolean isPaused() {
        return paused != 0;
    }

    @Override
    public void full() {
        pause(Reason.ACTIONS);
    }

    @Override
    public void drained() {
        resume(Reason.ACTIONS);
    }

    private void onLoop(Runnable change) {
        Channel ch = channel;
        if (ch.eventLoop().inEventLoop()) {
            change.run();
        } else {
            ch.eventLoop().execute(change);
        }
    }
}
