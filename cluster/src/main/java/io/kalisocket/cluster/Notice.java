package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/**
 * What travels on a node's channel: one line of JSON saying what to do ({@code op} and its arguments),
 * then, for sends, a newline and the message exactly as the clients get it. A message is encoded once by
 * the sender, whatever the number of nodes and recipients.
 *
 * <p>Ops: {@code c} (to client ids), {@code u} (to uids), {@code g} (to groups), {@code a} (to all),
 * {@code close}, {@code bind}, {@code unbind}, {@code join}, {@code leave}, {@code ungroup}, {@code sess}; and from
 * connection recovery's scripts, {@code moved} (another node claimed a connection of this one), {@code yield}
 * (a client is back elsewhere: drop its old socket here) and {@code claimed} (this node claimed a connection:
 * notices from here on were routed with the claim done).
 *
 * @param header the op and its arguments
 * @param payload the message to deliver, or null
 */
record Notice(JsonNode header, String payload) {

    /** @return the op */
    String op() {
        return header.path("op").asText();
    }

    /** @return the node that sent it */
    String from() {
        return header.path("from").asText();
    }

    /** Encodes notices with one mapper. */
    record Codec(ObjectMapper json, String self) {

        /** @param message text as it is, anything else as JSON @return the text clients get */
        String payload(Object message) {
            if (message instanceof CharSequence text) {
                return text.toString();
            }
            try {
                return json.writeValueAsString(message);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("message cannot be encoded as JSON: " + e.getOriginalMessage(), e);
            }
        }

        /**
         * @param op {@code c}, {@code u}, {@code g} or {@code a}
         * @param targets client ids, uids or groups
         * @param exclude client ids that must not get it
         * @param payload the encoded message
         * @return the notice's text
         */
        String delivery(String op, Collection<String> targets, Collection<String> exclude, String payload) {
            ObjectNode h = header(op);
            strings(h.putArray("t"), targets);
            if (!exclude.isEmpty()) {
                strings(h.putArray("x"), exclude);
            }
            return h + "\n" + payload;
        }

        /**
         * @param op a membership op
         * @param clientId the connection
         * @param arg the uid or group, or null
         * @return the notice's text
         */
        String control(String op, String clientId, String arg) {
            ObjectNode h = header(op).put("id", clientId);
            if (arg != null) {
                h.put("arg", arg);
            }
            return h.toString();
        }

        /** @param clientId the connection @param payload sent before closing, or null @return the notice's text */
        String close(String clientId, String payload) {
            String h = header("close").put("id", clientId).toString();
            return payload == null ? h : h + "\n" + payload;
        }

        /**
         * @param clientId the connection
         * @param replace true to replace the whole session, false to merge
         * @param entries the entries (null values remove keys)
         * @return the notice's text
         */
        String session(String clientId, boolean replace, Map<String, ?> entries) {
            ObjectNode h = header("sess").put("id", clientId).put("replace", replace);
            h.set("e", json.valueToTree(entries));
            return h.toString();
        }

        /** @param text a notice's text @return the notice @throws IllegalArgumentException when malformed */
        Notice parse(String text) {
            int nl = text.indexOf('\n');
            try {
                JsonNode header = json.readTree(nl < 0 ? text : text.substring(0, nl));
                return new Notice(header, nl < 0 ? null : text.substring(nl + 1));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("malformed cluster notice", e);
            }
        }

        private ObjectNode header(String op) {
            return json.createObjectNode().put("op", op).put("from", self);
        }

        private static void strings(ArrayNode array, Collection<String> values) {
            values.forEach(array::add);
        }
    }
}
