package io.kalisocket.internal.logging;

import io.kalisocket.internal.connection.ChannelConnection;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code logging.connections: summary} (the default): connects and closes are counted, and at most once per
 * {@link #INTERVAL} one INFO line sums them up, e.g. {@code connections in the last 60s: 1200 opened, 1150 closed
 * (1000 x1100, 1006 x50)}. The line is written when a connection comes or goes after the interval has passed, so a
 * quiet server writes nothing and needs no timer.
 */
public final class ConnectionLogSummary implements ConnectionLog {

    /** The least time between two summary lines. */
    public static final Duration INTERVAL = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(ConnectionLog.LOGGER);

    private final LongSupplier nanoClock;
    private final LongAdder opened = new LongAdder();
    private final LongAdder closed = new LongAdder();
    private final Map<Integer, LongAdder> closeCodes = new ConcurrentHashMap<>();
    private final AtomicLong intervalStart;

    /** @param nanoClock the server's clock ({@code KaliClock::nanoTime}) */
    public ConnectionLogSummary(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.intervalStart = new AtomicLong(nanoClock.getAsLong());
    }

    @Override
    public void opened(ChannelConnection connection) {
        reportIfDue();
        opened.increment();
    }

    @Override
    public void closed(ChannelConnection connection, int code, String closedBy, String reason) {
        reportIfDue();
        closed.increment();
        closeCodes.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    private void reportIfDue() {
        long now = nanoClock.getAsLong();
        long start = intervalStart.get();
        long elapsed = now - start;
        if (elapsed < INTERVAL.toNanos() || !intervalStart.compareAndSet(start, now)) {
            return;
        }
        long in = opened.sumThenReset();
        long out = closed.sumThenReset();
        Map<Integer, Long> codes = new TreeMap<>();
        closeCodes.forEach((code, count) -> {
            long n = count.sumThenReset();
            if (n > 0) {
                codes.put(code, n);
            }
        });
        if ((in > 0 || out > 0) && log.isInfoEnabled()) {
            StringBuilder byCode = new StringBuilder();
            codes.forEach((code, n) -> byCode.append(byCode.length() == 0 ? "" : ", ").append(code).append(" x")
                    .append(n));
            log.atInfo()
                    .setMessage("connections in the last {}s: {} opened, {} closed{}")
                    .addArgument(Duration.ofNanos(elapsed).toSeconds()).addArgument(in).addArgument(out)
                    .addArgument(codes.isEmpty() ? "" : " (" + byCode + ")")
                    .addKeyValue("event", "connections").addKeyValue("opened", in).addKeyValue("closed", out)
                    .log();
        }
    }
}
