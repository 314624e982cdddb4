package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** {@code ct=echo} for the client tests: replies with {@code data}, pushes (to itself, a group, a client), fails on demand. */
@Controller("echo")
public final class EchoController {

    /** @param ctx the call @param params the message @return its {@code data} */
    public Object say(Ctx ctx, JsonNode params) {
        return params.get("data");
    }

    /** @param ctx the call @param params the message @return true, after pushing a {@code note} to the caller */
    public Object push(Ctx ctx, JsonNode params) {
        ctx.send(Map.of("type", "note", "text", params.path("text").asText()));
        return true;
    }

    /** @param ctx the call @param params {@code room} @return true, once the caller is in that group */
    public Object join(Ctx ctx, JsonNode params) {
        ctx.gateway().joinGroup(ctx.clientId(), params.path("room").asText());
        return true;
    }

    /** @param ctx the call @param params {@code room}, {@code text} @return true, after pushing a {@code say} to the group */
    public Object room(Ctx ctx, JsonNode params) {
        ctx.gateway().sendToGroup(params.path("room").asText(), Map.of("type", "say", "text", params.path("text").asText()));
        return true;
    }

    /** @param ctx the call @param params {@code to} (a client id), {@code text} @return connections reached */
    public Object tell(Ctx ctx, JsonNode params) {
        return ctx.gateway().sendToClient(params.path("to").asText(),
                Map.of("type", "private", "text", params.path("text").asText()));
    }

    /**
     * @param ctx the call
     * @param params {@code room}, {@code to} (a client id), {@code count}
     * @return true, after pushing {@code count} pairs: a {@code say} {@code g<i>} to the group, then a {@code private}
     *     {@code p<i>} to the client
     */
    public Object mixed(Ctx ctx, JsonNode params) {
        for (int i = 0; i < params.path("count").asInt(); i++) {
            ctx.gateway().sendToGroup(params.path("room").asText(), Map.of("type", "say", "text", "g" + i));
            ctx.gateway().sendToClient(params.path("to").asText(), Map.of("type", "private", "text", "p" + i));
        }
        return true;
    }

    /** @param ctx the call: its connection is closed with 4001, no reply */
    public void bye(Ctx ctx) {
        ctx.connection().close(4001, "bye");
    }

    /** @param ctx the call @param params the message @return never: fails with 500 */
    public Object fail(Ctx ctx, JsonNode params) {
        throw new IllegalStateException("fails on purpose");
    }
}
