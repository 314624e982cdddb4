package io.kalisocket.demo.connect;

import io.kalisocket.mvc.Ctx;

/**
 * {@code ct=index} on a cluster: the connect actions ({@link Arrivals}) on action threads, since each of their
 * gateway calls waits on Redis there. One node uses {@link InlineIndexController} instead.
 */
public final class IndexController {

    private final Arrivals arrivals;

    /** @param arrivals what the actions do */
    public IndexController(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    /**
     * @param ctx the call
     * @param request the query string
     * @see Arrivals#online
     */
    public void online(Ctx ctx, Arrivals.OnlineRequest request) {
        arrivals.online(ctx, request);
    }

    /**
     * @param ctx the call, for a connection that has closed
     * @see Arrivals#offline
     */
    public void offline(Ctx ctx) {
        arrivals.offline(ctx);
    }
}
