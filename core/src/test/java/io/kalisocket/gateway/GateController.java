package io.kalisocket.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code ct=gate}: the connect and close actions (connect-actions) for tests. {@code online} tells the client
 * what it ran with (and on which thread), or closes it with 4001 when {@code token=bad}; {@code offline} tells everyone else.
 */
public final class GateController {

    /** @param ctx the call @param params the query string's params plus ip and client_id */
    public void online(Ctx ctx, JsonNode params) {
        if ("bad".equals(params.path("token").asText())) {
            ctx.connection().close(4001, "bad token");
            return;
        }
        ctx.send(Map.of("type", "online_ran", "params", params, "thread", Thread.currentThread().getName()));
        ctx.gateway().sendToAll(Map.of("type", "peer_online", "client_id", ctx.clientId()), ctx.clientId());
    }

    /** @param ctx the call @param params ct, ac, ip and client_id */
    public void offline(Ctx ctx, JsonNode params) {
        Map<String, Object> gone = new HashMap<>();
        gone.put("type", "offline_ran");
        gone.put("params", params);
        gone.put("session", ctx.session().snapshot());
        gone.put("uid", ctx.uid().orElse(null));
        ctx.gateway().sendToAll(gone, ctx.clientId());
    }
}
