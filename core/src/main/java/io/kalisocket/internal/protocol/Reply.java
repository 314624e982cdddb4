package io.kalisocket.internal.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to a call: {@code {"ct":C,"ac":A,"code":0,"msg":"ok","data":D,"msgid":M}}.
 *
 * @param ct the call's controller (null when the message had none)
 * @param ac the call's action (null when the message had none)
 * @param code 0 for success, else an error code (400, 404, 429, 500, ...)
 * @param msg {@code ok}, or what went wrong
 * @param data the action's return value (null included)
 * @param msgid the call's msgid; left out when the call had none
 */
@JsonPropertyOrder({"ct", "ac", "code", "msg", "data", "msgid"})
public record Reply(
        String ct,
        String ac,
        int code,
        String msg,
        Object data,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode msgid) {

    /** @param envelope the call @param data the action's result @return a success reply */
    public static Reply ok(Envelope envelope, Object data) {
        return new Reply(envelope.controller(), envelope.action(), 0, "ok", data, envelope.msgid());
    }

    /** @param envelope the call @param code the error code @param msg what went wrong @return an error reply */
    public static Reply error(Envelope envelope, int code, String msg) {
        return new Reply(envelope.controller(), envelope.action(), code, msg, null, envelope.msgid());
    }
}
