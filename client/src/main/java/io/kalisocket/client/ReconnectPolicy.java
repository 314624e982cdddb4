package io.kalisocket.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Whether the client reconnects after a drop or a refused upgrade, and how long it waits before each attempt. Counts
 * the attempts since the last open; not thread-safe: the engine calls it under its lock.
 */
final class ReconnectPolicy {

    /** The next attempt: its number, from 1, and the delay before it. */
    record Attempt(int number, Duration delay) {
    }

    private final ClientOptions options;
    private final DoubleSupplier random;
    private int attempts;

    /** @param random a source of numbers in [0, 1) for the back-off's jitter */
    ReconnectPolicy(ClientOptions options, DoubleSupplier random) {
        this.options = options;
        this.random = random;
    }

    /**
     * A refusal with a 4xx other than 408 and 429 is final: the same options would be refused again (a wrong
     * origin, a missing token), so retrying forever would only load the server. The others are retried.
     *
     * @return whether a refused upgrade ends the client
     */
    static boolean isFinalRefusal(int status) {
        return status >= 400 && status < 500 && status != 408 && status != 429;
    }

    /** @return whether a close with this code ends the client: reconnects are off, or the code is listed final */
    boolean isFinalClose(int code) {
        return !options.reconnect() || options.finalCloseCodes().contains(code);
    }

    /** The link opened: the next drop starts again from the first, shortest delay. */
    void opened() {
        attempts = 0;
    }

    /** @return the attempt to schedule after a drop, its delay from the options' back-off */
    Attempt next() {
        int n = ++attempts;
        return new Attempt(n, options.backoff().delay(n, random));
    }
}
