package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A message that is not a valid call. Carries what could be read of it, so that the 400 reply names the
 * controller, action and msgid when the client sent them.
 */
public final class EnvelopeException extends Exception {

    private final transient String controller;
    private final transient String action;
    private final transient JsonNode msgid;

    EnvelopeException(String message, String controller, String action, JsonNode msgid) {
        super(message, null, false, false);
        this.controller = controller;
        this.action = action;
        this.msgid = msgid;
    }

    /** @return the {@code ct} if it was a string, else null */
    public String controller() {
        return controller;
    }

    /** @return the {@code ac} if it was a string, else null */
    public String action() {
        return action;
    }

    /** @return the msgid if it was valid, else null */
    public JsonNode msgid() {
        return msgid;
    }
}
