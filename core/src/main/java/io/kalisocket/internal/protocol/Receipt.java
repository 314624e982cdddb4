package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The acknowledgement of a message that carried a msgid: {@code {"type":"pongMsg","msgid":M}}.
 *
 * @param type always {@code pongMsg}
 * @param msgid the message's msgid, as the client sent it (string or number)
 */
@JsonPropertyOrder({"type", "msgid"})
public record Receipt(String type, JsonNode msgid) {

    /** @param msgid the acknowledged msgid @return the receipt */
    public static Receipt of(JsonNode msgid) {
        return new Receipt("pongMsg", msgid);
    }
}
