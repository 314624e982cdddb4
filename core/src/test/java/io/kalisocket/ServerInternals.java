package io.kalisocket;

import io.kalisocket.internal.stats.ServerStats;

/** What the framework's own tests may read of a running server beyond its public API. */
public final class ServerInternals {

    private ServerInternals() {
    }

    /** @param server a running server @return its live counters */
    public static ServerStats stats(RunningServer server) {
        return server.stats();
    }
}
