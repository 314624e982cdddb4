package io.kalisocket.bench.scenario;

import io.kalisocket.bench.load.FrameListener;
import io.kalisocket.bench.load.LoadClient;
import io.netty.channel.Channel;
import java.time.Duration;
import java.util.List;

/** Checks shared by the scenarios. */
final class Connections {

    private Connections() {
    }

    /** How long the scenarios with one listener for all connections wait for them to open. */
    private static final Duration OPEN_DEADLINE = Duration.ofSeconds(60);

    /**
     * Opens {@code n} connections that all report to one listener, and fails the run unless every one opened.
     *
     * @param client   the load client
     * @param n        how many
     * @param listener what every connection reports its frames to
     * @return the open connections
     * @throws InterruptedException if interrupted while waiting
     */
    static List<Channel> openAll(LoadClient client, int n, FrameListener listener) throws InterruptedException {
        List<Channel> open = client.openAll(n, i -> listener, OPEN_DEADLINE);
        requireAll(open, n);
        return open;
    }

    /**
     * Fails a run that could not open all its connections.
     *
     * @param open     the connections that opened
     * @param expected how many were asked for
     */
    static void requireAll(List<Channel> open, int expected) {
        if (open.size() < expected) {
            open.forEach(Channel::close);
            throw new IllegalStateException("only " + open.size() + " of " + expected + " connections opened");
        }
    }
}
