package io.kalisocket.bench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * What a load driver does with one client connection's events. All methods run on the
 * connection's event loop; empty defaults, implement what you need.
 */
public interface FrameListener {

    /**
     * The WebSocket upgrade completed.
     *
     * @param channel the connection
     */
    default void onOpen(Channel channel) {
    }

    /**
     * A text frame arrived. The buffer is released after the call returns.
     *
     * @param channel the connection
     * @param text    the frame's UTF-8 bytes
     */
    default void onText(Channel channel, ByteBuf text) {
    }

    /**
     * The connection closed, for whatever reason.
     *
     * @param channel the connection
     */
    default void onClose(Channel channel) {
    }
}
