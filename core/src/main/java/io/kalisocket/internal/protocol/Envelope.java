package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A parsed call: {@code {"ct":C,"ac":A,...params}}.
 *
 * @param controller the {@code ct}
 * @param action the {@code ac}
 * @param msgid the client's message id when it wants a receipt (a text or number node), else null
 * @param params every top-level field of the message
 */
public record Envelope(String controller, String action, JsonNode msgid, ObjectNode params) {

    /** @return true when the client asked for a receipt */
    public boolean wantsReceipt() {
        return msgid != null;
    }
}
