package io.kalisocket.internal.server;

import java.util.function.LongSupplier;

/**
 * A connection's message rate limit: {@code rate} tokens per second, at most {@code burst} saved up. Kept as the
 * one time at which the bucket is full again (the generic cell rate algorithm, which takes the same decisions as a
 * token count with its last refill time): 24 bytes for every connection, the rate shared ({@link Rate}). Used from
 * the connection's event loop only, so it needs no locking.
 */
final class TokenBucket {

    /**
     * The limit every connection's bucket shares, made once per server.
     *
     * @param nanosPerToken how long one token takes to refill
     * @param tolerance how far ahead of the clock the bucket's full time may be while a token is left:
     *     {@code burst - 1} tokens' refill time
     * @param nanoClock the server's clock
     */
    record Rate(long nanosPerToken, long tolerance, LongSupplier nanoClock) {

        /**
         * @param ratePerSecond tokens refilled per second ({@code limits.messages-per-second}, positive)
         * @param burst tokens saved up at most ({@code limits.message-burst}, positive)
         * @param nanoClock the server's clock
         * @return the rate
         */
        static Rate of(int ratePerSecond, int burst, LongSupplier nanoClock) {
            long perToken = Math.max(1, 1_000_000_000L / ratePerSecond);
            return new Rate(perToken, (burst - 1) * perToken, nanoClock);
        }
    }

    private final Rate rate;
    /** When the bucket is full again if nothing more is taken; at or before the clock's now, it is full. */
    private long fullAt;

    /** @param rate the server's limit; the bucket starts full */
    TokenBucket(Rate rate) {
        this.rate = rate;
        this.fullAt = rate.nanoClock().getAsLong();
    }

    /** @return true when a message may pass (a token was taken) */
    boolean tryTake() {
        long now = rate.nanoClock().getAsLong();
        long from = fullAt - now < 0 ? now : fullAt; // a bucket cannot be fuller than full
        if (from - now > rate.tolerance()) {
            return false; // not one whole token left
        }
        fullAt = from + rate.nanosPerToken();
        return true;
    }
}
