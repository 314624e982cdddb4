package io.kalisocket.demo.chat;

/**
 * Where room messages go before they are pushed to the room: gives each its id and time. The demo's
 * default keeps nothing ({@link InMemoryMessageStore}); a database-backed store returns the stored row's id.
 * Called from actions, off the event loops, so an implementation may block.
 */
public interface MessageStore {

    /**
     * @param room the room
     * @param from the sender's uid, or null
     * @param text what was said
     * @return the message with its new id and time
     */
    ChatMessage save(String room, String from, String text);
}
