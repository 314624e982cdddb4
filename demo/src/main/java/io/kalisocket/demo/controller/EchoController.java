package io.kalisocket.demo.controller;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;

/** {@code ct=echo}: the smallest controller, used by the README, the clients' tests and the bench. */
public final class EchoController {

    /**
     * {@code ac=say}: replies with the message's {@code data}, unchanged.
     *
     * @param ctx the call
     * @param params the message
     * @return the message's {@code data} (null when absent)
     */
    public Object say(Ctx ctx, JsonNode params) {
        return params.get("data");
    }
}
