package io.kalisocket.config;

import java.time.Duration;

/**
 * How the server stops on SIGTERM or {@code stop}: stop accepting, finish what each client sent, close every
 * connection with 1012 (service restart), run the offline actions, then the workers' stop callbacks.
 *
 * @param grace the longest the drain may take before the remaining connections are dropped and the remaining
 *     actions abandoned; default 10 s
 */
public record ShutdownConfig(Duration grace) {

    /** The defaults documented on each component. */
    public static ShutdownConfig defaults() {
        return new ShutdownConfig(Duration.ofSeconds(10));
    }
}
