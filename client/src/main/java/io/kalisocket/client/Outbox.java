package io.kalisocket.client;

import io.kalisocket.client.PendingCalls.Call;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * What waits for an open connection, in order: calls (sent with their msgid) and plain frames. Bounded by
 * {@link ClientOptions#maxQueue()}. Not thread-safe: {@link ClientEngine} guards it.
 */
final class Outbox {

    private final ArrayDeque<Object> items = new ArrayDeque<>();
    private final int capacity;

    Outbox(int capacity) {
        this.capacity = capacity;
    }

    boolean isFull() {
        return items.size() >= capacity;
    }

    void add(Call call) {
        items.add(call);
    }

    void add(String frame) {
        items.add(frame);
    }

    /** Drops a call that ended (timed out) before it could be sent. */
    void remove(Call call) {
        items.remove(call);
    }

    void clear() {
        items.clear();
    }

    /**
     * Hands everything over in order and empties the outbox.
     *
     * @param calls gets each call that is still pending
     * @param pending the pending calls, to skip those that ended meanwhile
     * @param frames gets each plain frame
     */
    void drain(PendingCalls pending, Consumer<Call> calls, Consumer<String> frames) {
        while (!items.isEmpty()) {
            Object item = items.poll();
            if (item instanceof Call call) {
                if (pending.contains(call)) {
                    calls.accept(call);
                }
            } else {
                frames.accept((String) item);
            }
        }
    }
}
