package io.kalisocket.client;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KaliClient} talks to the server. Start from {@link #defaults()} and change what you need
 * with the {@code with...} methods.
 *
 * @param query query parameters of the connect URI (e.g. {@code uid}), sent on every (re)connect; default none
 * @param heartbeatInterval time between two heartbeat frames; default 25 s
 * @param heartbeatPing the heartbeat frame; default {@code ~H#C~}
 * @param heartbeatPong the server's answer, swallowed; default {@code ~H#S~}
 * @param deadAfter silence from the server after which the connection counts as dead and is replaced; default 60 s
 * @param connectTimeout time a connection attempt may take; default 10 s
 * @param callTimeout time from {@code call} to its reply, after which it fails with 408; default 30 s
 * @param resendInterval time after which a call without receipt ({@code pongMsg}) is sent again; default 3 s
 * @param reconnect whether to reconnect after a drop; default true
 * @param backoff delays between reconnect attempts; default {@link Backoff#defaults()}
 * @param maxQueue most frames kept while disconnected; default 1,000
 * @param finalCloseCodes server close codes after which the client does not reconnect; default none
 * @param recover connection recovery (docs/RECOVERY.md): connect with {@code ?recover=1}, return after a drop
 *     with the token and position, get the missed pushes through the {@code on(type)} handlers; default true,
 *     because a server without recovery ignores the parameter, so asking costs nothing
 */
public record ClientOptions(
        Map<String, String> query,
        Duration heartbeatInterval,
        String heartbeatPing,
        String heartbeatPong,
        Duration deadAfter,
        Duration connectTimeout,
        Duration callTimeout,
        Duration resendInterval,
        boolean reconnect,
        Backoff backoff,
        int maxQueue,
        Set<Integer> finalCloseCodes,
        boolean recover) {

    /** Copies the collections and checks for nulls. */
    public ClientOptions {
        query = Map.copyOf(query);
        finalCloseCodes = Set.copyOf(finalCloseCodes);
        Objects.requireNonNull(heartbeatPing, "heartbeatPing");
        Objects.requireNonNull(heartbeatPong, "heartbeatPong");
        Objects.requireNonNull(backoff, "backoff");
        for (Duration d : new Duration[] {heartbeatInterval, deadAfter, connectTimeout, callTimeout, resendInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
    }

    /** @return the defaults documented on each component */
    public static ClientOptions defaults() {
        return new ClientOptions(Map.of(), Duration.ofSeconds(25), "~H#C~", "~H#S~", Duration.ofSeconds(60),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(3), true, Backoff.defaults(),
                1000, Set.of(), true);
    }

    /** @param value the query parameters @return a copy with them */
    public ClientOptions withQuery(Map<String, String> value) {
        return new ClientOptions(value, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the heartbeat interval @return a copy with it */
    public ClientOptions withHeartbeatInterval(Duration value) {
        return new ClientOptions(query, value, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the dead-connection timeout @return a copy with it */
    public ClientOptions withDeadAfter(Duration value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, value, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the call timeout @return a copy with it */
    public ClientOptions withCallTimeout(Duration value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                value, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the resend interval @return a copy with it */
    public ClientOptions withResendInterval(Duration value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, value, reconnect, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value whether to reconnect @return a copy with it */
    public ClientOptions withReconnect(boolean value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, value, backoff, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the reconnect back-off @return a copy with it */
    public ClientOptions withBackoff(Backoff value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, value, maxQueue, finalCloseCodes, recover);
    }

    /** @param value the most frames queued while disconnected @return a copy with it */
    public ClientOptions withMaxQueue(int value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, value, finalCloseCodes, recover);
    }

    /** @param value close codes that end the client @return a copy with them */
    public ClientOptions withFinalCloseCodes(Set<Integer> value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, maxQueue, value, recover);
    }

    /** @param value whether to use connection recovery @return a copy with it */
    public ClientOptions withRecover(boolean value) {
        return new ClientOptions(query, heartbeatInterval, heartbeatPing, heartbeatPong, deadAfter, connectTimeout,
                callTimeout, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes, value);
    }
}
