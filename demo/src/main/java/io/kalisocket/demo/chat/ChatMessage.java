package io.kalisocket.demo.chat;

/**
 * A message said in a room, as stored.
 *
 * @param id unique per message (the stored row's id once a database keeps them)
 * @param room the room
 * @param from the sender's uid, or null when the sender has not logged in
 * @param text what was said
 * @param ts when it was stored, in epoch milliseconds
 */
public record ChatMessage(long id, String room, String from, String text, long ts) {
}
