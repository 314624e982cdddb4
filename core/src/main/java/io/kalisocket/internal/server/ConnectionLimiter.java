package io.kalisocket.internal.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts WebSocket connections in total and per real IP, and refuses those past the limits. */
final class ConnectionLimiter {

    /** Why a connection was refused. */
    enum Refusal {
        /** {@code limits.max-connections} reached: HTTP 503. */
        TOTAL,
        /** {@code limits.max-connections-per-ip} reached: HTTP 429. */
        PER_IP
    }

    private final int maxTotal;
    private final int maxPerIp;
    private final AtomicInteger total = new AtomicInteger();
    private final Map<String, AtomicInteger> perIp = new ConcurrentHashMap<>();

    /**
     * @param maxTotal 0 for unlimited
     * @param maxPerIp 0 for unlimited
     */
    ConnectionLimiter(int maxTotal, int maxPerIp) {
        this.maxTotal = maxTotal;
        this.maxPerIp = maxPerIp;
    }

    /** @return null when acquired (call {@link #release} once later), else the refusal */
    Refusal tryAcquire(String ip) {
        if (maxTotal > 0 && total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            return Refusal.TOTAL;
        } else if (maxTotal <= 0) {
            total.incrementAndGet();
        }
        if (maxPerIp <= 0) {
            return null; // no per-IP limit: no count to keep (two map updates less per handshake)
        }
        boolean[] refused = {false};
        perIp.compute(ip, (k, n) -> {
            AtomicInteger count = n != null ? n : new AtomicInteger();
            if (maxPerIp > 0 && count.get() >= maxPerIp) {
                refused[0] = true;
            } else {
                count.incrementAndGet();
            }
            return count.get() == 0 ? null : count;
        });
        if (refused[0]) {
            total.decrementAndGet();
            return Refusal.PER_IP;
        }
        return null;
    }

    void release(String ip) {
        total.decrementAndGet();
        if (maxPerIp <= 0) {
            return;
        }
        perIp.computeIfPresent(ip, (k, n) -> n.decrementAndGet() == 0 ? null : n);
    }
}
