package io.kalisocket.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where each text frame from the server goes: the heartbeat's answer nowhere, a receipt ({@code pongMsg}) to
 * the pending call it acknowledges, a reply to the call it answers, a push to the listeners of its type, and a
 * frame that is not JSON to the {@code text} listeners. Recovery may hold a frame back first.
 */
final class IncomingFrames {

    /** What the engine does with receipts and replies: both touch its pending calls. */
    interface Calls {
        /** @param msgid the call whose receipt came */
        void acknowledged(String msgid);

        /** @param msgid the call answered @param reply its reply @return true when such a call was pending */
        boolean settled(String msgid, JsonNode reply);
    }

    private final String heartbeatPong;
    private final ObjectMapper mapper;
    private final Listeners listeners;
    private final RecoveryFlow recovery;
    private final Calls calls;

    IncomingFrames(ClientOptions options, ObjectMapper mapper, Listeners listeners, RecoveryFlow recovery,
            Calls calls) {
        this.heartbeatPong = options.heartbeatPong();
        this.mapper = mapper;
        this.listeners = listeners;
        this.recovery = recovery;
        this.calls = calls;
    }

    /** @param link the link it came on @param text the frame */
    void route(Link link, String text) {
        if (text.equals(heartbeatPong)) {
            return;
        }
        JsonNode msg;
        try {
            msg = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            listeners.push("text", mapper.getNodeFactory().textNode(text));
            return;
        }
        if (!recovery.deliverable(link, msg)) {
            return;
        }
        listeners.push("*", msg);
        JsonNode msgid = msg.path("msgid");
        if ("pongMsg".equals(msg.path("type").asText(null))) {
            calls.acknowledged(msgid.asText());
        } else if (!msgid.isMissingNode() && msg.path("code").isNumber() && calls.settled(msgid.asText(), msg)) {
            return;
        } else if (msg.path("type").isTextual()) {
            listeners.push(msg.get("type").asText(), msg);
        }
    }
}
