package io.kalisocket.demo.chat;

import java.util.List;

/**
 * Where room messages are kept: gives each its id and time, and reads a room's recent history. The demo
 * keeps them in a database ({@link DbMessageStore}, H2 in memory by default); tests may use
 * {@link InMemoryMessageStore}. Called from actions, off the event loops, so an implementation may block.
 */
public interface MessageStore {

    /** Most messages {@link #history} returns at once. */
    int MAX_HISTORY = 100;

    /**
     * @param room the room
     * @param from the sender's uid, or null
     * @param text what was said
     * @return the message with its new id and time
     */
    ChatMessage save(String room, String from, String text);

    /**
     * @param room the room
     * @param limit how many of the latest messages, 1 to {@link #MAX_HISTORY}
     * @return the room's last {@code limit} messages, oldest first
     */
    List<ChatMessage> history(String room, int limit);
}
