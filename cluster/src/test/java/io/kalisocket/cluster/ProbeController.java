package io.kalisocket.cluster;

import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** Test actions ({@code ct=probe}): who am I, and a counter of runs for the dedup test. */
public final class ProbeController {

    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    /** @param ctx the call @return this connection's client id */
    public Object id(Ctx ctx) {
        return ctx.clientId();
    }

    /** @param ctx the call; binds the uid given as param {@code uid} @return the client id */
    public Object login(Ctx ctx) {
        ctx.gateway().bindUid(ctx.clientId(), ctx.param("uid").orElseThrow());
        return ctx.clientId();
    }

    /** @param ctx the call; joins the group given as param {@code group} @return the client id */
    public Object join(Ctx ctx) {
        ctx.gateway().joinGroup(ctx.clientId(), ctx.param("group").orElseThrow());
        return ctx.clientId();
    }

    /** @param ctx the call; counts a run, pushes it to every node's uid {@code audit} @return the count */
    public Object once(Ctx ctx) {
        int n = runs.incrementAndGet();
        ctx.gateway().sendToUid("audit", Map.of("ran", ctx.param("msgid").orElse("")));
        return n;
    }
}
