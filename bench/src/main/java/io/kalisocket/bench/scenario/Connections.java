package io.kalisocket.bench.scenario;

import io.netty.channel.Channel;
import java.util.List;

/** Checks shared by the scenarios. */
final class Connections {

    private Connections() {
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
