package io.kalisocket.internal.server;

import java.util.function.LongSupplier;

/**
 * A connection's message rate limit: {@code rate} tokens per second, at most {@code burst} saved up.
 * Used from the connection's event loop only, so it needs no locking.
 */
final class TokenBucket {

    private final double perNano;
    private final double burst;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    TokenBucket(int ratePerSecond, int burst, LongSupplier nanoClock) {
        this.perNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.last = nanoClock.getAsLong();
    }

    /** @return true when a message may pass (a token was taken) */
    boolean tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(burst, tokens + (now - last) * perNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
