package io.kalisocket.demo.connect;

import io.kalisocket.mvc.Controller;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;

/**
 * {@code ct=index} on one node: the connect actions ({@link Arrivals}) declared non-blocking, since the local
 * gateway answers from memory and the presence batches are in memory too. They run on the connection's event loop:
 * a connecting client costs no hand-off to an action thread and back (docs/BENCHMARKS.md, "the demo", has the
 * demo's handshakes against a server without connect actions). Not for a cluster, whose gateway calls
 * wait on Redis: {@link IndexController} runs the same actions on action threads.
 */
@Controller("index")
public final class InlineIndexController {

    private final Arrivals arrivals;

    /** @param arrivals what the actions do */
    public InlineIndexController(Arrivals arrivals) {
        this.arrivals = arrivals;
    }

    /**
     * @param ctx the call
     * @param request the query string
     * @see Arrivals#online
     */
    @Inline
    public void online(Ctx ctx, Arrivals.OnlineRequest request) {
        arrivals.online(ctx, request);
    }

    /**
     * @param ctx the call, for a connection that has closed
     * @see Arrivals#offline
     */
    @Inline
    public void offline(Ctx ctx) {
        arrivals.offline(ctx);
    }
}
