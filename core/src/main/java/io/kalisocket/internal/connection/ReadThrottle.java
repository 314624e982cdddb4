package io.kalisocket.internal.connection;

import io.netty.channel.Channel;

/**
 * Stops reading from a connection's socket while it has more in hand than it may hold, and reads again once it
 * caught up: a flood is slowed down by TCP (the client's sends block), not answered with errors or buffered
 * without bound. Each {@link Reason} pauses on its own; reading goes on when none holds. A pause also stops the read
 * under way at the frame being delivered ({@link DecodingHold}), so a queue stops at its bound.
 *
 * <p>One per server: which reasons hold is kept by each channel's last stage ({@link ConnectionCarrier#readPauses}),
 * so an idle connection pays no object for it (24 bytes), and a connection that moves to a new socket (connection
 * recovery) reads there at once. Changes run on the channel's event loop; calls from other threads (an action
 * thread draining the queue) hop onto it.
 */
public final class ReadThrottle {

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

    /** @param onPause told each time a socket's reading pauses (counts it) */
    public ReadThrottle(Runnable onPause) {
        this.onPause = onPause;
    }

    /** @param channel a socket @param reason stops its reading for this reason until {@link #resume} for it */
    public void pause(Channel channel, Reason reason) {
        onLoop(channel, carrier -> {
            int held = carrier.readPauses();
            carrier.readPauses(held | 1 << reason.ordinal());
            if (held == 0) {
                channel.config().setAutoRead(false);
                DecodingHold decoding = channel.pipeline().get(DecodingHold.class);
                if (decoding != null) {
                    decoding.hold(); // the read under way stops at this frame too
                }
                onPause.run();
            }
        });
    }

    /**
     * @param channel a socket
     * @param reason no longer a reason to stop its reading; reading goes on when no other holds
     */
    public void resume(Channel channel, Reason reason) {
        onLoop(channel, carrier -> {
            int held = carrier.readPauses() & ~(1 << reason.ordinal());
            carrier.readPauses(held);
            if (held == 0 && !channel.config().isAutoRead()) {
                channel.config().setAutoRead(true);
                DecodingHold decoding = channel.pipeline().get(DecodingHold.class);
                if (decoding != null) {
                    decoding.release(channel); // what was read and held first, then new reads
                }
            }
        });
    }

    /** @param channel a socket; call on its event loop @return true while some reason holds its reading */
    public boolean isPaused(Channel channel) {
        return channel.pipeline().last() instanceof ConnectionCarrier carrier && carrier.readPauses() != 0;
    }

    private interface Change {
        void apply(ConnectionCarrier carrier);
    }

    private static void onLoop(Channel channel, Change change) {
        if (channel.eventLoop().inEventLoop()) {
            apply(channel, change);
        } else {
            channel.eventLoop().execute(() -> apply(channel, change));
        }
    }

    private static void apply(Channel channel, Change change) {
        // A closed channel's stages are gone: nothing is read from it any more.
        if (channel.pipeline().last() instanceof ConnectionCarrier carrier) {
            change.apply(carrier);
        }
    }
}
