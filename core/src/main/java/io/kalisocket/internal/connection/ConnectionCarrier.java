package io.kalisocket.internal.connection;

/**
 * The last stage of a channel that carries a connection: where {@link ChannelConnection#of} finds it, and where the
 * channel's read pauses are kept ({@link ReadThrottle}). A channel attribute and an object of its own would be 72
 * bytes more per connection.
 */
public interface ConnectionCarrier {

    /** @return the connection this channel carries now, or null before it has one */
    ChannelConnection carried();

    /** @return the reasons reading from this channel is paused, one bit each; the event loop's only */
    int readPauses();

    /** @param reasons the reasons reading from this channel is paused now, one bit each */
    void readPauses(int reasons);
}
