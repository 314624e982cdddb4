package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a recoverable connection stands (docs/RECOVERY.md section 3): the token, epoch and client id of the
 * server's last {@code recovery} frame and the highest push number seen, so that a reconnect can ask for the
 * connection back with {@code ?resume=TOKEN&epoch=E&last=N}. Not thread-safe: the engine guards it.
 */
final class RecoveryState {

    /** What a frame is, for recovery. */
    enum Kind {
        /** The server's {@code recovery} frame: kept here. */
        RECOVERY_FRAME,
        /** A numbered push at or below the position: seen before, to be dropped. */
        DUPLICATE,
        /** A numbered push after a gap: the server dropped pushes (slow-consumer policy); delivered. */
        AFTER_GAP,
        /** The next numbered push, or a frame without a number: delivered. */
        NEXT
    }

    private String token;
    private String epoch;
    private String clientId;
    private long position;
    private boolean askedResume;

    /**
     * @param enabled the {@code recover} option
     * @return the recovery parameters of the next connect: none, {@code recover=1}, or the position to return to
     */
    Map<String, String> nextQuery(boolean enabled) {
        askedResume = enabled && token != null;
        Map<String, String> query = new LinkedHashMap<>();
        if (askedResume) {
            query.put("resume", token);
            query.put("epoch", epoch);
            query.put("last", Long.toString(position));
        } else if (enabled) {
            query.put("recover", "1");
        }
        return query;
    }

    /** @return whether the last {@link #nextQuery} asked for the old connection back */
    boolean askedResume() {
        return askedResume;
    }

    /** @return the connection's client id from the last {@code recovery} frame */
    Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /**
     * Reads a frame's recovery fields: keeps a {@code recovery} frame, checks and strips a push's {@code _seq}
     * (and turns a wrapped {@code {"_text":...}} back into text, see {@link #unwrappedText}).
     *
     * @param msg the frame, changed in place
     * @return what it is
     */
    Kind read(JsonNode msg) {
        if (isRecoveryFrame(msg)) {
            token = msg.get("token").asText();
            epoch = msg.path("epoch").asText();
            clientId = msg.path("client_id").asText(null);
            position = msg.path("seq").asLong(0);
            return Kind.RECOVERY_FRAME;
        }
        JsonNode seq = msg.path("_seq");
        if (!seq.isIntegralNumber() || !(msg instanceof ObjectNode object)) {
            return Kind.NEXT;
        }
        long n = seq.asLong();
        if (n <= position) {
            return Kind.DUPLICATE;
        }
        boolean gap = n > position + 1;
        position = n;
        object.remove("_seq");
        return gap ? Kind.AFTER_GAP : Kind.NEXT;
    }

    /** @param msg a push after {@link #read} @return its text when it was a non-JSON push wrapped by the server */
    static Optional<String> unwrappedText(JsonNode msg) {
        JsonNode text = msg.path("_text");
        return text.isTextual() && msg.size() == 1 ? Optional.of(text.asText()) : Optional.empty();
    }

    private static boolean isRecoveryFrame(JsonNode msg) {
        return "recovery".equals(msg.path("type").asText(null)) && msg.path("token").isTextual() && !msg.has("msgid");
    }
}
