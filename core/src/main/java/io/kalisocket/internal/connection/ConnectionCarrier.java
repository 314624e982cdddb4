package io.kalisocket.internal.connection;

/**
 * The last stage of a channel that carries a connection: where {@link ChannelConnection#of} finds it. A channel
 * attribute would be 48 bytes more per connection (the attribute and the channel's attribute array).
 */
public interface ConnectionCarrier {

    /** @return the connection this channel carries now, or null before it has one */
    ChannelConnection carried();
}
