package io.kalisocket.internal.recovery;

import io.kalisocket.internal.connection.ChannelConnection;

/** What recovery asks of the server when a parked connection ends for good: its close actions, then forget it. */
@FunctionalInterface
public interface Finisher {

    /** @param connection a connection whose window passed, that went over its caps, or that the server stops */
    void finish(ChannelConnection connection);
}
