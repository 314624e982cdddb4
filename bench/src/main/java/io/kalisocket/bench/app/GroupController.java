package io.kalisocket.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;

/** {@code ct=group}: joins a group and fans a message out to it, for the broadcast scenario. */
public final class GroupController {

    /**
     * {@code ac=join}: puts this connection in the group named by {@code group}. Not inline: with the
     * cluster gateway a join is a Redis round trip, which must not block an event loop.
     *
     * @param ctx    the call
     * @param params the message, with {@code group}
     * @return true
     */
    public Object join(Ctx ctx, JsonNode params) {
        ctx.gateway().joinGroup(ctx.clientId(), params.path("group").asText());
        return true;
    }

    /**
     * {@code ac=send}: pushes {@code data} to every member of {@code group}.
     *
     * @param ctx    the call
     * @param params the message, with {@code group} and {@code data}
     * @return how many connections were handed the message
     */
    public Object send(Ctx ctx, JsonNode params) {
        return ctx.gateway().sendToGroup(params.path("group").asText(), params.get("data"));
    }
}
