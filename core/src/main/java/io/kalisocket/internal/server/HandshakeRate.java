package io.kalisocket.internal.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * {@code limits.handshakes-per-ip-per-second}: how many WebSocket upgrade requests one real IP may make in a
 * one-second window; past it they are refused with HTTP 429. Every upgrade request counts, refused ones too, so a
 * client that retries without a pause stays refused until it slows down.
 *
 * <p>Clients on the machine itself (a loopback real IP: tests, benchmarks, health checks, a local tool) are not
 * counted: they are not the internet's abusers this limit is for, and they open connections by the hundred. A
 * client behind a trusted proxy on loopback is counted under its forwarded IP.
 *
 * <p>Memory is bounded: at most {@link #MAX_TRACKED_IPS} IPs are tracked, each for a second after its last
 * request (Caffeine, on the server's clock). Past that bound the least used IPs are forgotten, which can let one
 * of them in early: a flood from more addresses than that is for a firewall, not for this limit. Thread-safe.
 */
final class HandshakeRate {

    /** The most IPs tracked at once (a few MB at worst). */
    static final int MAX_TRACKED_IPS = 65_536;

    private static final long WINDOW_NANOS = Duration.ofSeconds(1).toNanos();

    private final int perSecond;
    private final LongSupplier nanoClock;
    /** Null when the limit is off. */
    private final Cache<String, Window> windows;

    /**
     * @param perSecond upgrade requests per IP per second; 0 for unlimited
     * @param nanoClock the server's clock ({@code KaliClock::nanoTime})
     */
    HandshakeRate(int perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.windows = perSecond <= 0 ? null : Caffeine.newBuilder()
                .maximumSize(MAX_TRACKED_IPS)
                .expireAfterWrite(Duration.ofNanos(WINDOW_NANOS))
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run) // maintenance on the caller: no pool thread for a few map entries
                .build();
    }

    /**
     * Counts one upgrade request.
     *
     * @param ip the client's real IP
     * @return whether it is within the limit
     */
    boolean tryAcquire(String ip) {
        if (windows == null || isLoopback(ip)) {
            return true;
        }
        long now = nanoClock.getAsLong();
        Window window = windows.asMap().compute(ip,
                (key, old) -> old == null || now - old.start() >= WINDOW_NANOS ? new Window(now, 1) : old.next());
        return window.count() <= perSecond;
    }

    /** @param ip as {@code InetAddress.getHostAddress()} writes it (IPv4-mapped loopback comes as {@code 127.x}) */
    private static boolean isLoopback(String ip) {
        return ip.startsWith("127.") || ip.equals("0:0:0:0:0:0:0:1");
    }

    /** The requests of one IP since {@code start}. */
    private record Window(long start, int count) {

        Window next() {
            return new Window(start, count == Integer.MAX_VALUE ? count : count + 1);
        }
    }
}
