package io.kalisocket.config;

import java.time.Duration;

/**
 * Connection recovery (see {@code docs/RECOVERY.md}): a client that opted in with {@code ?recover=1} and drops
 * without a final close is parked for a window; when it returns with its token it gets its connection back
 * and every push it missed.
 *
 * @param enabled accept {@code recover}/{@code resume} from clients; default false
 * @param window how long a parked connection waits for its client before its close action runs; default 2 min
 * @param maxMessages pushes kept per recoverable connection; default 500
 * @param maxBytes bytes of pushes kept per recoverable connection; default 512 KiB
 * @param secret key that signs resume tokens; default empty: a random key per process. Every node of a
 *     cluster needs the same one
 */
public record RecoveryConfig(
        boolean enabled,
        Duration window,
        int maxMessages,
        long maxBytes,
        String secret) {

    /** The defaults documented on each component. */
    public static RecoveryConfig defaults() {
        return new RecoveryConfig(false, Duration.ofMinutes(2), 500, 512 * 1024, "");
    }
}
