package io.kalisocket.internal.server;

import java.util.function.LongSupplier;

/**
 * The message rate limit every connection's bucket follows: {@code rate} tokens per second, at most {@code burst}
 * saved up. A bucket is kept by its owner as one {@code long}, the time at which it is full again (the generic cell
 * rate algorithm, which takes the same decisions as a token count with its last refill time): 8 bytes of the
 * connection's message handler, not an object of its own (24). Used from the connection's event loop only.
 *
 * @param nanosPerToken how long one token takes to refill
 * @param tolerance how far ahead of the clock a bucket's full time may be while a token is left: {@code burst - 1}
 *     tokens' refill time
 * @param nanoClock the server's clock
 */
record TokenBucket(long nanosPerToken, long tolerance, LongSupplier nanoClock) {

    /** What {@link #take} answers when not one whole token is left (no full time is this far in the past). */
    static final long REFUSED = Long.MIN_VALUE;

    /**
     * @param ratePerSecond tokens refilled per second ({@code limits.messages-per-second}, positive)
     * @param burst tokens saved up at most ({@code limits.message-burst}, positive)
     * @param nanoClock the server's clock
     * @return the limit
     */
    static TokenBucket of(int ratePerSecond, int burst, LongSupplier nanoClock) {
        long perToken = Math.max(1, 1_000_000_000L / ratePerSecond);
        return new TokenBucket(perToken, (burst - 1) * perToken, nanoClock);
    }

    /** @return the full time of a new bucket: full now */
    long full() {
        return nanoClock.getAsLong();
    }

    /**
     * @param fullAt a bucket's full time
     * @return its full time once a token is taken, or {@link #REFUSED} when not one whole token is left
     */
    long take(long fullAt) {
        long now = nanoClock.getAsLong();
        long from = fullAt - now < 0 ? now : fullAt; // a bucket cannot be fuller than full
        if (from - now > tolerance) {
            return REFUSED;
        }
        return from + nanosPerToken;
    }
}
