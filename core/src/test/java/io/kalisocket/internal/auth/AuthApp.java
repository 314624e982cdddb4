package io.kalisocket.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.auth.Authenticated;
import io.kalisocket.auth.Principal;
import io.kalisocket.auth.RequiresClaim;
import io.kalisocket.mvc.Ctx;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Controllers of the authentication tests: what an action sees of the caller, and guarded actions that count runs. */
public final class AuthApp {

    private AuthApp() {
    }

    /** {@code ct=index}: the connect action tells the client what it saw. */
    public static final class IndexController {

        /** @param ctx the call @param params the query's params */
        public void online(Ctx ctx, JsonNode params) {
            ctx.send(Map.of("type", "online", "uid", ctx.uid().orElse(""),
                    "gateway_uid", ctx.gateway().getUidByClientId(ctx.clientId()).orElse(""),
                    "uid_online", ctx.uid().map(ctx.gateway()::isUidOnline).orElse(false),
                    "param_uid", params.path("uid").asText()));
        }
    }

    /** {@code ct=me}: actions open to anyone, to the authenticated, and to admins; each run counted. */
    public static final class MeController {

        /** How many times a guarded action ran. */
        public final AtomicInteger guardedRuns = new AtomicInteger();

        /** @param ctx the call @return the caller's uid, principal's claims and expiry */
        public Map<String, Object> whoami(Ctx ctx) {
            Map<String, Object> me = new LinkedHashMap<>();
            me.put("uid", ctx.uid().orElse(null));
            me.put("claims", ctx.connection().principal().map(Principal::claims).orElse(null));
            return me;
        }

        /** @param ctx the call @return ok */
        @Authenticated
        public String secret(Ctx ctx) {
            guardedRuns.incrementAndGet();
            return "secret";
        }

        /** @param ctx the call @return ok */
        @RequiresClaim(name = "role", value = "admin")
        public String admin(Ctx ctx) {
            guardedRuns.incrementAndGet();
            return "admin";
        }
    }
}
