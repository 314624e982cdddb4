package io.kalisocket.internal.server.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;

/** The server side of the conformance suite: {@code {"ct":"echo","ac":"say","data":X}} is answered with X. */
@Controller("echo")
public final class EchoTestController {

    /** @param ctx the call @param params the message @return the message's {@code data}, unchanged */
    public Object say(Ctx ctx, JsonNode params) {
        return params.get("data");
    }
}
