package io.kalisocket.demo.chat;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link MessageStore} in memory: numbers messages (1, 2, 3...), stamps them and keeps the last
 * {@link MessageStore#MAX_HISTORY} of each room.
 */
public final class InMemoryMessageStore implements MessageStore {

    private final AtomicLong ids = new AtomicLong();
    private final Clock clock;
    private final Map<String, Deque<ChatMessage>> rooms = new ConcurrentHashMap<>();

    /** Stamps with the system clock. */
    public InMemoryMessageStore() {
        this(Clock.systemUTC());
    }

    /** @param clock where message times come from */
    public InMemoryMessageStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ChatMessage save(String room, String from, String text) {
        Deque<ChatMessage> recent = rooms.computeIfAbsent(room, r -> new ArrayDeque<>());
        synchronized (recent) {
            ChatMessage message = new ChatMessage(ids.incrementAndGet(), room, from, text, clock.millis());
            recent.addLast(message);
            if (recent.size() > MAX_HISTORY) {
                recent.removeFirst();
            }
            return message;
        }
    }

    @Override
    public List<ChatMessage> history(String room, int limit) {
        Deque<ChatMessage> recent = rooms.get(room);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            List<ChatMessage> all = new ArrayList<>(recent);
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }
    }
}
