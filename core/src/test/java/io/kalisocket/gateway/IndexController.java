package io.kalisocket.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** {@code ct=index}: the connect actions' default controller in tests. */
public final class IndexController {

    /** @param ctx the call @param params the query string's params plus ip and client_id */
    public void online(Ctx ctx, JsonNode params) {
        ctx.send(Map.of("type", "index_online", "params", params));
    }

    /** @param ctx the call */
    public void offline(Ctx ctx) {
        ctx.gateway().sendToAll(Map.of("type", "index_offline", "client_id", ctx.clientId()), ctx.clientId());
    }
}
