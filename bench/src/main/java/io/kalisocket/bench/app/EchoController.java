package io.kalisocket.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.bench.server.ArrivalProbe;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Inline;

/**
 * {@code ct=echo}: the bench's echo, answered with the message's {@code data}. Each request's arrival is told
 * to an {@link ArrivalProbe} first (it records only the {@code latency} scenario's timed requests).
 */
public final class EchoController {

    private final ArrivalProbe arrivals;

    /** @param arrivals where arrivals are recorded */
    public EchoController(ArrivalProbe arrivals) {
        this.arrivals = arrivals;
    }

    /**
     * {@code ac=say}, default dispatch (off the event loop, in order per connection).
     *
     * @param ctx    the call
     * @param params the message
     * @return the message's data, as the reply's data
     */
    public Object say(Ctx ctx, JsonNode params) {
        arrivals.arrived(params.get("data"), params.get("sent"));
        return params.get("data");
    }

    /**
     * {@code ac=fast}: the same, marked {@link Inline} so it runs on the event loop.
     *
     * @param ctx    the call
     * @param params the message
     * @return the message's data, as the reply's data
     */
    @Inline
    public Object fast(Ctx ctx, JsonNode params) {
        arrivals.arrived(params.get("data"), params.get("sent"));
        return params.get("data");
    }
}
