package io.kalisocket.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code ct=gw}: the gateway's operations as actions, so tests drive them from a connection's action as an
 * application does. {@code target} defaults to the calling connection. No {@code online} action: gateway
 * mode skips this controller on connect.
 */
public final class GwController {

    /** Released by a test to let {@link #hold} finish. */
    static volatile CountDownLatch holdLatch = new CountDownLatch(0);
    /** Counts runs of {@link #count}, to see that a deduplicated message did not run again. */
    static final AtomicInteger RUNS = new AtomicInteger();

    /**
     * @param target the connection acted on (default: the caller)
     * @param group a group
     * @param uid a user
     * @param values session entries
     * @param text a message's text
     */
    public record Args(String target, String group, String uid, Map<String, Object> values, String text) {
        String targetOr(Ctx ctx) {
            return target != null ? target : ctx.clientId();
        }
    }

    /** @param ctx the call @return {@code {"client_id":..,"uid":..}} */
    public Map<String, Object> whoami(Ctx ctx) {
        Map<String, Object> me = new HashMap<>();
        me.put("client_id", ctx.clientId());
        me.put("uid", ctx.uid().orElse(null));
        return me;
    }

    /** @param ctx the call @param a target, group @return members after joining */
    public int join(Ctx ctx, Args a) {
        ctx.gateway().joinGroup(a.targetOr(ctx), a.group());
        return ctx.gateway().getClientIdCountByGroup(a.group());
    }

    /** @param ctx the call @param a target, group @return members after leaving */
    public int leave(Ctx ctx, Args a) {
        ctx.gateway().leaveGroup(a.targetOr(ctx), a.group());
        return ctx.gateway().getClientIdCountByGroup(a.group());
    }

    /** @param ctx the call @param a target, uid @return the uid bound */
    public String bind(Ctx ctx, Args a) {
        ctx.gateway().bindUid(a.targetOr(ctx), a.uid());
        return a.uid();
    }

    /** @param ctx the call @param a target, values @return true */
    public boolean sessionSet(Ctx ctx, Args a) {
        ctx.gateway().setSession(a.targetOr(ctx), a.values());
        return true;
    }

    /** @param ctx the call @param a target, values @return true */
    public boolean sessionUpdate(Ctx ctx, Args a) {
        ctx.gateway().updateSession(a.targetOr(ctx), a.values());
        return true;
    }

    /** @param ctx the call @param a target @return its session, null when offline */
    public Map<String, Object> sessionGet(Ctx ctx, Args a) {
        return ctx.gateway().getSession(a.targetOr(ctx)).orElse(null);
    }

    /** @param ctx the call @param a target, text @return true */
    public boolean kick(Ctx ctx, Args a) {
        if (a.text() == null) {
            ctx.gateway().closeClient(a.targetOr(ctx));
        } else {
            ctx.gateway().closeClient(a.targetOr(ctx), Map.of("type", "bye", "text", a.text()));
        }
        return true;
    }

    /** @param ctx the call @param a group, text @return connections handed the message (not the caller) */
    public int say(Ctx ctx, Args a) {
        return ctx.gateway().sendToGroup(a.group(), Map.of("type", "said", "text", a.text()), ctx.clientId());
    }

    /** @param ctx the call @param params the message @return how many times this action ran in the JVM */
    public int count(Ctx ctx, JsonNode params) {
        return RUNS.incrementAndGet();
    }

    /**
     * Blocks until a test releases {@link #holdLatch}, then tells everyone.
     *
     * @param ctx the call
     * @throws InterruptedException when interrupted
     */
    public void hold(Ctx ctx) throws InterruptedException {
        if (!holdLatch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("never released");
        }
        ctx.gateway().sendToAll(Map.of("type", "held", "client_id", ctx.clientId()));
    }
}
