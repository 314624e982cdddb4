package io.kalisocket.internal.connection;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;

/**
 * The stage of a channel that turns what was read into messages, able to stop at a message's end while reading from
 * the channel is paused ({@link ReadThrottle}). Without it, pausing stops only the next read: the one under way
 * delivers every message it holds, up to ~64 KiB of frames, past the queue's bound.
 */
public interface DecodingHold extends ChannelHandler {

    /** Delivers no message after the one being delivered; the rest of what was read waits in the stage. */
    void hold();

    /**
     * Delivers again: what waited is delivered now, in order, before anything read later.
     *
     * @param channel the channel this stage belongs to; call on its event loop
     */
    void release(Channel channel);
}
