package io.kalisocket.internal.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.mvc.Ctx;
import java.util.Map;

/** {@code ct=drain}: slow work, and online/offline actions that say on stdout when they ran. */
public final class DrainController {

    /** @param ctx the connect call */
    public void online(Ctx ctx) {
        System.out.println("ONLINE " + ctx.clientId());
        System.out.flush();
    }

    /** @param ctx the close call */
    public void offline(Ctx ctx) {
        System.out.println("OFFLINE " + ctx.clientId());
        System.out.flush();
    }

    /**
     * Simulates an action that takes a while (a database call), so work is still in flight at the signal.
     *
     * @param params {@code ms} to take and {@code n} to answer
     * @return {@code n}
     * @throws InterruptedException never in these tests
     */
    public Object work(JsonNode params) throws InterruptedException {
        Thread.sleep(params.path("ms").asLong(0));
        return Map.of("n", params.path("n").asInt());
    }
}
