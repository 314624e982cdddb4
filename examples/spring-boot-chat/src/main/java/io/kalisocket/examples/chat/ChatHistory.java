package io.kalisocket.examples.chat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;

/** Each room's last messages, in memory: a Spring service the KaliSocket controllers get injected. */
@Service
public class ChatHistory {

    /** How many messages a room keeps. */
    static final int KEPT = 50;

    private final Map<String, Deque<Message>> rooms = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /**
     * One message of a room.
     *
     * @param id its number
     * @param room the room
     * @param from the sender's uid
     * @param text the text
     */
    public record Message(long id, String room, String from, String text) {
    }

    /**
     * @param room the room
     * @param from the sender
     * @param text the text
     * @return the message, kept
     */
    public Message add(String room, String from, String text) {
        Message message = new Message(ids.incrementAndGet(), room, from, text);
        Deque<Message> kept = rooms.computeIfAbsent(room, r -> new ArrayDeque<>());
        synchronized (kept) {
            kept.addLast(message);
            if (kept.size() > KEPT) {
                kept.removeFirst();
            }
        }
        return message;
    }

    /** @param room the room @return its kept messages, oldest first */
    public List<Message> of(String room) {
        Deque<Message> kept = rooms.get(room);
        if (kept == null) {
            return List.of();
        }
        synchronized (kept) {
            return List.copyOf(kept);
        }
    }
}
