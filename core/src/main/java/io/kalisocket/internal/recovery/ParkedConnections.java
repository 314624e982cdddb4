package io.kalisocket.internal.recovery;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections parked now, by client id, and their window, on an injectable clock (tests pass a fake one
 * and move it; nothing here sleeps). Each stream decides under its own lock whether it is still parked, so
 * an entry left behind by a return that raced with the park is harmless: the next sweep drops it.
 */
final class ParkedConnections {

    private final Map<String, PushStream> byId = new ConcurrentHashMap<>();
    private final InstantSource clock;
    private final long windowMillis;

    /** @param clock the clock of the window @param window how long a connection may stay parked */
    ParkedConnections(InstantSource clock, Duration window) {
        this.clock = clock;
        this.windowMillis = window.toMillis();
    }

    /** @return the clock's time, in epoch milliseconds */
    long now() {
        return clock.millis();
    }

    /** @param clientId a connection just parked @param stream its stream */
    void add(String clientId, PushStream stream) {
        byId.put(clientId, stream);
    }

    /** @param clientId a connection that returned or finished */
    void remove(String clientId) {
        byId.remove(clientId);
    }

    /** @return the streams whose window has passed, now finished (the caller runs their close actions) */
    List<PushStream> sweep() {
        long now = now();
        List<PushStream> due = new ArrayList<>();
        byId.forEach((id, stream) -> {
            if (stream.expireIfDue(now, windowMillis)) {
                due.add(stream);
                byId.remove(id, stream);
            } else if (!stream.isParked()) {
                byId.remove(id, stream);
            }
        });
        return due;
    }

    /** @return every parked stream, now finished: the server stops */
    List<PushStream> finishAll() {
        List<PushStream> finished = new ArrayList<>();
        byId.forEach((id, stream) -> {
            if (stream.finishIfParked()) {
                finished.add(stream);
            }
            byId.remove(id, stream);
        });
        return finished;
    }

    /** @return how many connections are parked now */
    int count() {
        return (int) byId.values().stream().filter(PushStream::isParked).count();
    }

    /** @return the bytes their streams keep */
    long bytes() {
        return byId.values().stream().filter(PushStream::isParked).mapToLong(PushStream::bytes).sum();
    }
}
