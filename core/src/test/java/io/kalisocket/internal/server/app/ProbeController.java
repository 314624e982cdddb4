package io.kalisocket.internal.server.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.errors.ErrorReply;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;
import io.kalisocket.mvc.KaliException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code ct=probe}: actions that exercise each dispatch rule; counts its runs so tests can see dedup. */
public final class ProbeController {

    /** Runs of {@link #count}, across all instances of a test JVM's servers. */
    public static final AtomicInteger COUNTED = new AtomicInteger();
    /** Holds {@link #block} until a test opens it. */
    public static volatile CountDownLatch gate = new CountDownLatch(0);

    /** @param params the call @return the call's data */
    public Object echo(JsonNode params) {
        return params.get("data");
    }

    /** @param ctx the call @param request bound from the message @return what was bound */
    public Object bind(Ctx ctx, Greeting request) {
        return Map.of("name", request.name(), "times", request.times());
    }

    /** @param ctx the call @return the ip and client_id the action saw */
    public Object whoami(Ctx ctx) {
        return Map.of("ip", ctx.params().get("ip").asText(), "client_id", ctx.params().get("client_id").asText(),
                "clientId", ctx.clientId());
    }

    /** @param ctx the call; pushes instead of replying */
    public void push(Ctx ctx) {
        ctx.send(Map.of("type", "pushed"));
    }

    /** @return the number of runs so far */
    public Object count() {
        return COUNTED.incrementAndGet();
    }

    /** Always fails with an internal error. */
    public Object boom() {
        throw new IllegalStateException("kaboom: secret detail");
    }

    /** Fails with a code the client sees. */
    public Object deny() {
        throw new KaliException(403, "not yours");
    }

    /** Fails like a library whose exceptions know their reply (the database module's 503). */
    public Object unavailable() {
        throw new Unavailable();
    }

    /** An exception that carries its reply. */
    static final class Unavailable extends RuntimeException implements ErrorReply {
        Unavailable() {
            super("connection refused to 10.9.9.9:3306", null, false, false);
        }

        @Override
        public int replyCode() {
            return 503;
        }

        @Override
        public String replyMessage() {
            return "database unavailable";
        }
    }

    /** @param params the call @return the call's data, computed on the event loop */
    @Inline
    public Object fast(JsonNode params) {
        return params.get("data");
    }

    /** @return "released" once a test opens the gate; blocks its thread until then */
    public Object block() throws InterruptedException {
        gate.await(30, TimeUnit.SECONDS);
        return "released";
    }

    /** @param ctx the call @param params its {@code size} @return a string of that many characters */
    public Object big(Ctx ctx, JsonNode params) {
        return "x".repeat(params.path("size").asInt());
    }

    /**
     * Pushes {@code count} messages of {@code size} characters (pushes, unlike replies, meet the
     * slow-consumer policy).
     *
     * @param ctx the call
     * @param params {@code count} and {@code size}
     */
    public void flood(Ctx ctx, JsonNode params) {
        String chunk = "y".repeat(params.path("size").asInt());
        for (int i = 0; i < params.path("count").asInt() && ctx.connection().isOpen(); i++) {
            ctx.send(chunk);
        }
    }

    /**
     * A request type.
     *
     * @param name who
     * @param times how often
     */
    public record Greeting(String name, int times) {
    }
}
