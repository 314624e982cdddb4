package io.kalisocket.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;
import java.util.Map;

/** {@code ct=loop}: non-blocking ({@code @Inline}) connect actions that tell which thread ran them. */
public final class LoopController {

    /** @param ctx the call @param params the query string's params */
    @Inline
    public void online(Ctx ctx, JsonNode params) {
        ctx.send(Map.of("type", "loop_online", "client_id", ctx.clientId(),
                "thread", Thread.currentThread().getName()));
    }

    /** @param ctx the call */
    @Inline
    public void offline(Ctx ctx) {
        ctx.gateway().sendToAll(Map.of("type", "loop_offline", "client_id", ctx.clientId(),
                "thread", Thread.currentThread().getName()), ctx.clientId());
    }
}
