package io.kalisocket.internal.auth;

import io.kalisocket.KaliClock;
import io.kalisocket.auth.Principal;
import io.kalisocket.config.AuthConfig;
import io.kalisocket.internal.connection.ChannelConnection;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * Closes a connection whose principal expired ({@code auth.expiry: close}): at its expiry plus the clock skew (the
 * leeway the handshake granted), with close code {@value #CODE} {@code token expired}, unless a refresh moved the
 * expiry meanwhile. The timer runs on the server's clock, on the socket's event loop, and ends with the socket.
 */
final class ExpiryTimer {

    /** The close code of an expired token: in the 4000-4999 range RFC 6455 leaves to applications. */
    static final int CODE = 4001;
    static final String REASON = "token expired";

    private static final AttributeKey<Future<?>> TIMER = AttributeKey.valueOf("kalisocket.auth.expiry");

    private final KaliClock clock;
    private final boolean closes;
    private final Duration skew;

    ExpiryTimer(KaliClock clock, AuthConfig.Expiry expiry, Duration skew) {
        this.clock = clock;
        this.closes = expiry == AuthConfig.Expiry.CLOSE;
        this.skew = skew;
    }

    /** @param connection a connection on its (new) socket: its timer starts, and stops when that socket closes */
    void start(ChannelConnection connection) {
        if (!closes) {
            return;
        }
        Channel channel = connection.socket().channel();
        channel.closeFuture().addListener(f -> cancel(channel.attr(TIMER).getAndSet(null)));
        restart(connection);
    }

    /** @param connection a connection whose principal changed: the timer follows its expiry */
    void restart(ChannelConnection connection) {
        if (!closes) {
            return;
        }
        Channel channel = connection.socket().channel();
        Principal principal = connection.principal().orElse(null);
        Future<?> next = null;
        if (principal != null && principal.expiry().isPresent() && channel.isActive()) {
            Instant at = principal.expiry().get().plus(skew);
            next = clock.schedule(channel.eventLoop(), () -> expire(connection, channel, principal),
                    Duration.between(clock.instant(), at));
        }
        cancel(channel.attr(TIMER).getAndSet(next));
    }

    private static void expire(ChannelConnection connection, Channel channel, Principal principal) {
        // A refresh that raced this task replaced the principal: the new one has a timer of its own.
        if (connection.principal().orElse(null) == principal && connection.socket().channel() == channel) {
            connection.close(CODE, REASON);
        }
    }

    private static void cancel(Future<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
