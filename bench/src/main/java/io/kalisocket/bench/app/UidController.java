package io.kalisocket.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** {@code ct=uid}: binds connections to uids and pushes to a uid, for the {@code cluster-uid} scenario. */
public final class UidController {

    /**
     * {@code ac=bind}: binds this connection to {@code uid}. Not inline: with the cluster gateway a bind
     * is a Redis round trip, which must not block an event loop.
     *
     * @param ctx    the call
     * @param params the message, with {@code uid}
     * @return true, once the binding is visible to every node
     */
    public Object bind(Ctx ctx, JsonNode params) {
        ctx.gateway().bindUid(ctx.clientId(), params.path("uid").asText());
        return true;
    }

    /**
     * {@code ac=send}: pushes {@code {"type":"uid","data":DATA}} to every connection of {@code uid},
     * wherever it is; no reply (a failure still answers with an error code).
     *
     * @param ctx    the call
     * @param params the message, with {@code uid} and {@code data}
     */
    public void send(Ctx ctx, JsonNode params) {
        ctx.gateway().sendToUid(params.path("uid").asText(), Map.of("type", "uid", "data", params.path("data")));
    }
}
