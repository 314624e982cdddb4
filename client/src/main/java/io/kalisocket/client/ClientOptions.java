package io.kalisocket.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link KaliClient} talks to the server. Immutable; build one with {@link #builder()} (each setting starts
 * at its default), or take {@link #defaults()}:
 * <pre>{@code
 * ClientOptions options = ClientOptions.builder()
 *     .query(Map.of("uid", "alice"))
 *     .header("Authorization", "Bearer " + token)
 *     .origin("https://chat.example")
 *     .callTimeout(Duration.ofSeconds(10))
 *     .build();
 * }</pre>
 *
 * @param query query parameters of the connect URI (e.g. {@code uid}), sent on every (re)connect; default none
 * @param headers headers of the opening handshake, sent on every (re)connect, each name with its values in order
 *     (an {@code Authorization}, a {@code Cookie}, the {@code Origin}); default none. The WebSocket handshake's own
 *     headers are refused: {@code Host}, {@code Connection}, {@code Upgrade}, {@code Content-Length},
 *     {@code Expect} and {@code Sec-WebSocket-*}
 * @param subprotocols the subprotocols offered in the handshake ({@code Sec-WebSocket-Protocol}), most preferred
 *     first; the server picks at most one ({@link KaliClient#subprotocol()}); default none
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
 * @param clock the clock of the timers above (tests pass a fake one), all but {@code connectTimeout}, which the JDK
 *     HTTP client keeps on real time while it opens the connection; default {@link ClientClock#system()}
 */
public record ClientOptions(
        Map<String, String> query,
        Map<String, List<String>> headers,
        List<String> subprotocols,
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
        boolean recover,
        ClientClock clock) {

    /**
     * Copies the collections and checks the values.
     *
     * @throws IllegalArgumentException when a duration is not positive, a header is refused or malformed, or a
     *     subprotocol is not a token
     */
    public ClientOptions {
        query = Map.copyOf(query);
        headers = HandshakeHeaders.copyOf(headers);
        subprotocols = HandshakeHeaders.subprotocols(subprotocols);
        finalCloseCodes = Set.copyOf(finalCloseCodes);
        Objects.requireNonNull(heartbeatPing, "heartbeatPing");
        Objects.requireNonNull(heartbeatPong, "heartbeatPong");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(clock, "clock");
        for (Duration d : new Duration[] {heartbeatInterval, deadAfter, connectTimeout, callTimeout, resendInterval}) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
    }

    /** @return the defaults documented on each component */
    public static ClientOptions defaults() {
        return builder().build();
    }

    /** @return a builder whose every setting is at its default */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these options, to change some of them */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds {@link ClientOptions}; each setting starts at its default. Not thread-safe. */
    public static final class Builder {
        private Map<String, String> query = Map.of();
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private final List<String> subprotocols = new ArrayList<>();
        private Duration heartbeatInterval = Duration.ofSeconds(25);
        private String heartbeatPing = "~H#C~";
        private String heartbeatPong = "~H#S~";
        private Duration deadAfter = Duration.ofSeconds(60);
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration callTimeout = Duration.ofSeconds(30);
        private Duration resendInterval = Duration.ofSeconds(3);
        private boolean reconnect = true;
        private Backoff backoff = Backoff.defaults();
        private int maxQueue = 1000;
        private Set<Integer> finalCloseCodes = Set.of();
        private boolean recover = true;
        private ClientClock clock = ClientClock.system();

        private Builder() {
        }

        private Builder(ClientOptions o) {
            query = o.query;
            o.headers.forEach((name, values) -> headers.put(name, new ArrayList<>(values)));
            subprotocols.addAll(o.subprotocols);
            heartbeatInterval = o.heartbeatInterval;
            heartbeatPing = o.heartbeatPing;
            heartbeatPong = o.heartbeatPong;
            deadAfter = o.deadAfter;
            connectTimeout = o.connectTimeout;
            callTimeout = o.callTimeout;
            resendInterval = o.resendInterval;
            reconnect = o.reconnect;
            backoff = o.backoff;
            maxQueue = o.maxQueue;
            finalCloseCodes = o.finalCloseCodes;
            recover = o.recover;
            clock = o.clock;
        }

        /** @param value {@link ClientOptions#query()} @return this */
        public Builder query(Map<String, String> value) {
            query = value;
            return this;
        }

        /**
         * Adds a header to the opening handshake; call it again to add more values, under the same name or
         * another ({@link ClientOptions#headers()}).
         *
         * @param name the header name, e.g. {@code Authorization}; names differing only in case are one header
         * @param value one value, e.g. {@code Bearer eyJ...}
         * @return this
         * @throws IllegalArgumentException when the name is one the handshake sets itself ({@code Host},
         *     {@code Connection}, {@code Upgrade}, {@code Content-Length}, {@code Expect}, {@code Sec-WebSocket-*})
         *     or not a token, or the value holds a control character or one beyond ISO-8859-1
         */
        public Builder header(String name, String value) {
            HandshakeHeaders.add(headers, name, value);
            return this;
        }

        /**
         * Sets the {@code Origin} header, replacing any given before: a server with {@code http.allowed-origins}
         * accepts only the origins on its list.
         *
         * @param value e.g. {@code https://chat.example}
         * @return this
         */
        public Builder origin(String value) {
            HandshakeHeaders.set(headers, "Origin", value);
            return this;
        }

        /**
         * Offers a subprotocol in the handshake; call it again to offer more, most preferred first
         * ({@link ClientOptions#subprotocols()}).
         *
         * @param value a token, e.g. {@code kalisocket.v1}
         * @return this
         */
        public Builder subprotocol(String value) {
            subprotocols.add(value);
            return this;
        }

        /** @param value {@link ClientOptions#heartbeatInterval()} @return this */
        public Builder heartbeatInterval(Duration value) {
            heartbeatInterval = value;
            return this;
        }

        /** @param value {@link ClientOptions#heartbeatPing()} @return this */
        public Builder heartbeatPing(String value) {
            heartbeatPing = value;
            return this;
        }

        /** @param value {@link ClientOptions#heartbeatPong()} @return this */
        public Builder heartbeatPong(String value) {
            heartbeatPong = value;
            return this;
        }

        /** @param value {@link ClientOptions#deadAfter()} @return this */
        public Builder deadAfter(Duration value) {
            deadAfter = value;
            return this;
        }

        /** @param value {@link ClientOptions#connectTimeout()} @return this */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /** @param value {@link ClientOptions#callTimeout()} @return this */
        public Builder callTimeout(Duration value) {
            callTimeout = value;
            return this;
        }

        /** @param value {@link ClientOptions#resendInterval()} @return this */
        public Builder resendInterval(Duration value) {
            resendInterval = value;
            return this;
        }

        /** @param value {@link ClientOptions#reconnect()} @return this */
        public Builder reconnect(boolean value) {
            reconnect = value;
            return this;
        }

        /** @param value {@link ClientOptions#backoff()} @return this */
        public Builder backoff(Backoff value) {
            backoff = value;
            return this;
        }

        /** @param value {@link ClientOptions#maxQueue()} @return this */
        public Builder maxQueue(int value) {
            maxQueue = value;
            return this;
        }

        /** @param value {@link ClientOptions#finalCloseCodes()} @return this */
        public Builder finalCloseCodes(Set<Integer> value) {
            finalCloseCodes = value;
            return this;
        }

        /** @param value {@link ClientOptions#recover()} @return this */
        public Builder recover(boolean value) {
            recover = value;
            return this;
        }

        /** @param value {@link ClientOptions#clock()} @return this */
        public Builder clock(ClientClock value) {
            clock = value;
            return this;
        }

        /**
         * @return the options
         * @throws IllegalArgumentException when a duration is not positive or a subprotocol is not a token or is
         *     offered twice
         * @throws NullPointerException when a setting was set to null
         */
        public ClientOptions build() {
            return new ClientOptions(query, headers, subprotocols, heartbeatInterval, heartbeatPing, heartbeatPong,
                    deadAfter, connectTimeout, callTimeout, resendInterval, reconnect, backoff, maxQueue, finalCloseCodes,
                    recover, clock);
        }
    }
}
