package io.kalisocket.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Capped exponential back-off with jitter, for reconnects.
 *
 * <p>Attempt {@code n} (from 1) waits {@code min(max, min * factor^(n-1))}, less a random share of up to
 * {@code jitter} of it, so that many clients dropped at once do not all come back at the same moment.
 *
 * @param min the first delay; default 500 ms
 * @param max the largest delay; default 15 s
 * @param factor growth per failed attempt; default 2
 * @param jitter share of the delay taken off at random, 0 to 1; default 0.5
 */
public record Backoff(Duration min, Duration max, double factor, double jitter) {

    /** Checks the values. */
    public Backoff {
        if (min.isNegative() || max.compareTo(min) < 0) {
            throw new IllegalArgumentException("need 0 <= min <= max: " + min + ", " + max);
        }
        if (factor < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("need factor >= 1 and 0 <= jitter <= 1: " + factor + ", " + jitter);
        }
    }

    /** @return the defaults documented on each component */
    public static Backoff defaults() {
        return new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15), 2, 0.5);
    }

    /**
     * Computes the delay before an attempt.
     *
     * @param attempt the attempt, from 1
     * @param random a source of numbers in [0, 1)
     * @return the delay
     */
    public Duration delay(int attempt, DoubleSupplier random) {
        double base = Math.min(max.toMillis(), min.toMillis() * Math.pow(factor, Math.max(0, attempt - 1)));
        return Duration.ofMillis(Math.round(base * (1 - jitter * random.getAsDouble())));
    }
}
