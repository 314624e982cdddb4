package io.kalisocket.demo.chat;

import io.kalisocket.connection.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The rooms a connection is in, kept in its session (key {@code rooms}, a list of names) so that its
 * {@code offline} action knows which rooms to tell. Only the connection's own actions change it, one
 * at a time, so no locking is needed.
 */
public final class Rooms {

    /** The session key. */
    public static final String KEY = "rooms";

    private Rooms() {
    }

    /** @param session a connection's session @return its rooms, in joining order */
    public static List<String> of(Session session) {
        return session.get(KEY).map(Rooms::names).orElse(List.of());
    }

    /** @param session a connection's session @param room a room @return true when the connection is in it */
    public static boolean contains(Session session, String room) {
        return of(session).contains(room);
    }

    /** @param session a connection's session @param room a room @return true when newly added */
    public static boolean add(Session session, String room) {
        List<String> rooms = new ArrayList<>(of(session));
        if (rooms.contains(room)) {
            return false;
        }
        rooms.add(room);
        session.put(KEY, List.copyOf(rooms));
        return true;
    }

    /** @param session a connection's session @param room a room @return true when it was there */
    public static boolean remove(Session session, String room) {
        List<String> rooms = new ArrayList<>(of(session));
        boolean removed = rooms.remove(room);
        if (removed) {
            session.put(KEY, rooms.isEmpty() ? null : List.copyOf(rooms));
        }
        return removed;
    }

    private static List<String> names(Object value) {
        List<String> names = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(item -> names.add(String.valueOf(item)));
        }
        return names;
    }
}
