package io.kalisocket.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * What travels on a node's channel: one line of JSON saying what to do ({@code op} and its arguments),
 * then, for sends, a newline and the message exactly as the clients get it. A message is encoded once by
 * the sender, whatever the number of nodes and recipients.
 *
 * <p>Ops: {@code c} (to client ids), {@code u} (to uids), {@code g} (to groups), {@code a} (to all),
 * {@code close}, {@code ungroup}; requests to the node holding a connection, its one writer ({@code bind},
 * {@code unbind}, {@code join}, {@code leave}, {@code sess}, each with its id {@code rq}) and their answers
 * ({@code ack}); and from
 * connection recovery, {@code moved} (another node claimed a connection of this one) and {@code yield} (a client is
 * back elsewhere: drop its old socket here). Deliveries looked up by a script carry the lookup's
 * {@link RouteStamp} ({@code v}, {@code mf}).
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

    /**
     * Encodes notices with one mapper.
     *
     * @param json the application's wire mapper: reads notices and builds their trees
     * @param writer writes notices' JSON
     * @param self this node's id
     */
    record Codec(ObjectMapper json, JsonText writer, String self) {

        /** @param json the application's wire mapper @param self this node's id */
        Codec(ObjectMapper json, String self) {
            this(json, new JsonText(json), self);
        }

        /** @param message text as it is, anything else as JSON @return the text clients get */
        String payload(Object message) {
            if (message instanceof CharSequence text) {
                return text.toString();
            }
            try {
                return writer.message(message);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("message cannot be encoded as JSON: " + e.getOriginalMessage(), e);
            }
        }

        /**
         * @param to whom the send is for
         * @param stamp the claims as the send's lookup saw them; null for a push handed on to one connection
         * @param payload the encoded message
         * @return the notice's text (one for every node the send goes to, the shared channel's too)
         */
        String delivery(Addressed to, RouteStamp stamp, String payload) {
            ObjectNode h = header(to.op());
            to.writeTo(h);
            if (stamp != null) {
                stamp.writeTo(h);
            }
            return writer.header(h) + "\n" + payload;
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
            return writer.header(h);
        }

        /**
         * @param clientId a connection another node claimed
         * @param switches entity -> the version the claim switched it at ({@link RouteStamp})
         * @return the notice's text
         */
        String moved(String clientId, Map<String, Long> switches) {
            ObjectNode h = header("moved").put("id", clientId);
            switches.forEach(h.putObject("sw")::put);
            return writer.header(h);
        }

        /** @param clientId the connection @param payload sent before closing, or null @return the notice's text */
        String close(String clientId, String payload) {
            String h = writer.header(header("close").put("id", clientId));
            return payload == null ? h : h + "\n" + payload;
        }

        /**
         * @param op a membership op
         * @param clientId another node's connection
         * @param arg the uid or group
         * @param requestId the request's id, which the node holding the connection answers with
         * @return the notice's text: a request to that node, its one writer ({@link OwnerRequests})
         */
        String request(String op, String clientId, String arg, String requestId) {
            return writer.header(header(op).put("id", clientId).put("arg", arg).put("rq", requestId));
        }

        /**
         * @param clientId another node's connection
         * @param replace true to replace the whole session, false to merge
         * @param entries the entries (null values remove keys)
         * @param requestId the request's id, which the node holding the connection answers with
         * @return the notice's text
         */
        String session(String clientId, boolean replace, Map<String, ?> entries, String requestId) {
            ObjectNode h = header("sess").put("id", clientId).put("replace", replace).put("rq", requestId);
            h.set("e", json.valueToTree(entries));
            return writer.header(h);
        }

        /**
         * @param requestId a request another node made of this one
         * @param result {@link OwnerRequests#WRITTEN}, {@link OwnerRequests#NOT_HELD} or {@link OwnerRequests#FAILED}
         * @return the notice's text, for the asking node
         */
        String answer(String requestId, long result) {
            return writer.header(header("ack").put("rq", requestId).put("r", result));
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

        }
}
