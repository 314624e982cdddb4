package io.kalisocket.demo.chat;

import io.kalisocket.mvc.KaliException;
import java.util.regex.Pattern;

/** The chat protocol's input rules; each breach is a 400 naming the field. */
public final class Checks {

    /** Longest uid, in characters. */
    public static final int MAX_UID = 64;
    /** Longest message text, in characters. */
    public static final int MAX_TEXT = 4096;
    /** A room name: 1-64 characters of {@code [A-Za-z0-9_.-]}. */
    public static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private Checks() {
    }

    /**
     * @param field the field's name, for the message
     * @param uid a uid
     * @return the uid
     * @throws KaliException 400 unless 1-64 characters
     */
    public static String uid(String field, String uid) {
        if (!lengthWithin(uid, MAX_UID)) {
            throw KaliException.badRequest(field + " must be 1-" + MAX_UID + " characters");
        }
        return uid;
    }

    /**
     * @param text a message's text
     * @return the text
     * @throws KaliException 400 unless 1-4,096 characters
     */
    public static String text(String text) {
        if (!lengthWithin(text, MAX_TEXT)) {
            throw KaliException.badRequest("text must be 1-" + MAX_TEXT + " characters");
        }
        return text;
    }

    /**
     * @param room a room name
     * @return the name
     * @throws KaliException 400 unless 1-64 characters of {@code [A-Za-z0-9_.-]}
     */
    public static String room(String room) {
        if (room == null || !ROOM.matcher(room).matches()) {
            throw KaliException.badRequest("room must be 1-64 characters of A-Z a-z 0-9 _ . -");
        }
        return room;
    }

    /** Counts code points, so an emoji is one character as the client sees it. */
    private static boolean lengthWithin(String value, int max) {
        return value != null && !value.isEmpty() && value.codePointCount(0, value.length()) <= max;
    }
}
