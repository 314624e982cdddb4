package io.kalisocket.internal.recovery;

import io.kalisocket.connection.Handshake;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a client asked for in its upgrade request's query string: nothing, a new recoverable connection
 * ({@code ?recover=1}), or its old connection back ({@code ?resume=TOKEN&epoch=EPOCH&last=SEQ}).
 *
 * @param kind what was asked
 * @param token the resume token, empty unless resuming
 * @param epoch the epoch the client's position belongs to, empty unless resuming
 * @param last the client's position, -1 when missing or not a number
 */
record ResumeRequest(Kind kind, String token, String epoch, long last) {

    /** The query parameters recovery reads; they are not passed to the connect action. */
    static final Set<String> PARAMS = Set.of("recover", "resume", "epoch", "last");

    /** What the client asked for. */
    enum Kind {
        /** A plain connection: recovery stays out of its way. */
        NONE,
        /** A new recoverable connection. */
        RECOVER,
        /** Its old connection back. */
        RESUME
    }

    /** @param handshake the upgrade request, or null @return what it asks for */
    static ResumeRequest of(Handshake handshake) {
        Map<String, List<String>> query = handshake == null ? Map.of() : handshake.query();
        String token = first(query, "resume");
        if (!token.isEmpty()) {
            return new ResumeRequest(Kind.RESUME, token, first(query, "epoch"), number(first(query, "last")));
        }
        String recover = first(query, "recover");
        boolean wanted = !recover.isEmpty() && !recover.equals("0") && !recover.equalsIgnoreCase("false");
        return new ResumeRequest(wanted ? Kind.RECOVER : Kind.NONE, "", "", -1);
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> values = query.get(key);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0);
    }

    private static long number(String text) {
        try {
            return text.isEmpty() ? -1 : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
