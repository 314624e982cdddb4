package io.kalisocket.demo.chat;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The messages clients get without asking, each a record encoded as the protocol's JSON (nulls kept). */
public final class Pushes {

    private Pushes() {
    }

    /**
     * {@code welcome}: to a client that just connected, at once. Everyone else hears of it in the next
     * {@code presence} frame ({@link io.kalisocket.gateway.Presence}).
     *
     * @param type always {@code welcome}
     * @param clientId the new connection
     * @param uid its user, or null
     */
    public record Welcome(String type, @JsonProperty("client_id") String clientId, String uid) {
    }

    /**
     * {@code join} and {@code leave}.
     *
     * @param type the push's type
     * @param room the room
     * @param uid the member's user, or null
     * @param clientId the member's connection
     */
    public record Membership(String type, String room, String uid, @JsonProperty("client_id") String clientId) {
    }

    /**
     * {@code private}: a message to a user.
     *
     * @param type always {@code private}
     * @param from the sender's uid
     * @param text the text
     */
    public record Private(String type, String from, String text) {
    }

    /**
     * {@code say}: a message said in a room.
     *
     * @param type always {@code say}
     * @param room the room
     * @param from the sender's uid, or null
     * @param text the text
     * @param id the message's id
     * @param ts when it was said, epoch milliseconds
     */
    public record Say(String type, String room, String from, String text, long id, long ts) {
    }

    /** @param clientId the new connection @param uid its uid or null @return the push */
    public static Welcome welcome(String clientId, String uid) {
        return new Welcome("welcome", clientId, uid);
    }

    /** @param room the room @param uid the member's uid or null @param clientId the member @return the push */
    public static Membership join(String room, String uid, String clientId) {
        return new Membership("join", room, uid, clientId);
    }

    /** @param room the room @param uid the member's uid or null @param clientId the member @return the push */
    public static Membership leave(String room, String uid, String clientId) {
        return new Membership("leave", room, uid, clientId);
    }

    /** @param from the sender's uid @param text the text @return the push */
    public static Private privateMessage(String from, String text) {
        return new Private("private", from, text);
    }

    /** @param message the stored message @return the push */
    public static Say say(ChatMessage message) {
        return new Say("say", message.room(), message.from(), message.text(), message.id(), message.ts());
    }
}
