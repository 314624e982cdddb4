package io.kalisocket.cluster;

import io.kalisocket.mvc.Ctx;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A chat room for the recovery tests, run as connect actions ({@code ct=lobby}): {@code online} binds the query's
 * {@code uid}, joins its {@code room} and keeps its {@code name} in the session (written directly, not through
 * the gateway); {@code offline} tells the room; {@code say} sends to the room. One instance serves every node, so
 * {@link #offlineRuns()} counts cluster-wide.
 */
public final class LobbyController {

    private final AtomicInteger offlineRuns = new AtomicInteger();

    /** @param ctx the connect */
    public void online(Ctx ctx) {
        ctx.param("uid").ifPresent(uid -> ctx.gateway().bindUid(ctx.clientId(), uid));
        ctx.param("name").ifPresent(name -> ctx.session().put("name", name));
        ctx.param("room").ifPresent(room -> ctx.gateway().joinGroup(ctx.clientId(), room));
    }

    /** @param ctx the close, once the connection is finished for good */
    public void offline(Ctx ctx) {
        offlineRuns.incrementAndGet();
        ctx.gateway().getAllGroupIdList().forEach(room -> ctx.gateway().sendToGroup(room,
                Map.of("type", "offline", "client_id", ctx.clientId()), ctx.clientId()));
    }

    /** @param ctx a call with {@code room} and {@code n} */
    public void say(Ctx ctx) {
        ctx.gateway().sendToGroup(ctx.param("room").orElseThrow(), Map.of("type", "say", "from", ctx.clientId(),
                "n", Integer.parseInt(ctx.param("n").orElseThrow())));
    }

    /** @return how many times {@code offline} ran, over every node */
    int offlineRuns() {
        return offlineRuns.get();
    }
}
