package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.CpuClock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU used by the server side (every node, plus the Redis the bench started) and by the load generator
 * over a measured window.
 */
final class CpuWindow {

    /** Load-side CPU above which a throughput figure measures the load generator (issue 19's bar: ~80 %). */
    static final int SATURATED = 80;

    private final List<Long> servers;
    private final List<Long> redisPids;
    private final long t0 = System.nanoTime();
    private final long server0;
    private final long redis0;
    private final long[] eachRedis0;
    private final long load0 = CpuClock.self();

    CpuWindow(Subject subject) {
        this.servers = subject.serverPids();
        this.redisPids = subject.redisPids();
        this.server0 = serverNanos();
        this.redis0 = redisNanos();
        this.eachRedis0 = redisPids.stream().mapToLong(CpuClock::of).toArray();
    }

    private long serverNanos() {
        if (servers.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (long pid : servers) {
            long n = CpuClock.of(pid);
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }

    private long redisNanos() {
        if (redisPids.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (long pid : redisPids) {
            long n = CpuClock.of(pid);
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }

    /**
     * Ends the window and adds {@code server cpu %} (all nodes together), {@code redis cpu %} when the
     * bench started the Redis, {@code load cpu %} and, when there are server processes,
     * {@code <unit> per server cpu-s} for the given count, the server side being the nodes plus that Redis.
     *
     * @param figures where to add
     * @param count   what happened in the window (replies, deliveries, ...)
     * @param unit    its name
     */
    void end(Map<String, Double> figures, long count, String unit) {
        Usage u = usage();
        if (u.server() >= 0) {
            figures.put("server cpu %", u.percent(u.server()));
            if (u.redis() >= 0) {
                figures.put("redis cpu %", u.percent(u.redis()));
                busiestShard(u).ifPresent(nanos -> figures.put("redis busiest shard cpu %", u.percent(nanos)));
            }
            long used = u.server() + Math.max(0, u.redis());
            figures.put(unit + " per server cpu-s", used > 0 ? count / (used / 1e9) : Double.NaN);
        }
        putLoad(figures, u, "");
    }

    /**
     * Ends the window of a fixed-rate run and adds {@code server cpu %}, {@code server cpu ms per 1k messages} (the
     * server side's CPU divided by the messages answered: at a fixed rate, the cost of one message) and
     * {@code load cpu %}, each name followed by {@code at}.
     *
     * @param figures  where to add
     * @param messages messages answered in the window
     * @param at       the suffix of every name, e.g. {@code " @10000/s"}
     */
    void endPerMessage(Map<String, Double> figures, long messages, String at) {
        endPer(figures, messages, "messages", at);
    }

    /**
     * Ends the window of a fixed-rate run as {@link #endPerMessage} does, for any unit.
     *
     * @param figures where to add
     * @param count   what was done in the window
     * @param unit    its name, e.g. {@code handshakes}
     * @param at      the suffix of every name
     */
    void endPer(Map<String, Double> figures, long count, String unit, String at) {
        Usage u = usage();
        if (u.server() >= 0) {
            long used = u.server() + Math.max(0, u.redis());
            figures.put("server cpu %" + at, u.percent(used));
            figures.put("server cpu ms per 1k " + unit + at + " (lower is better)",
                    count > 0 ? used / 1e6 / (count / 1000.0) : Double.NaN);
        }
        putLoad(figures, u, at);
    }

    private void putLoad(Map<String, Double> figures, Usage u, String at) {
        if (u.load() >= 0) {
            double load = u.percent(u.load());
            figures.put("load cpu %" + at, load);
            // Above this the load generator, not the server, sets the pace: compare per server cpu-s instead.
            figures.put("load saturated (1: over " + SATURATED + " %)" + at, load > SATURATED ? 1.0 : 0.0);
        }
    }

    /**
     * @param u the window's usage
     * @return with several Redis processes (a Redis Cluster's primaries), the CPU of the busiest one: what bounds
     *     the cluster's capacity, since each primary is single-threaded
     */
    private OptionalLong busiestShard(Usage u) {
        if (eachRedis0.length < 2) {
            return OptionalLong.empty();
        }
        long busiest = 0;
        for (int i = 0; i < eachRedis0.length; i++) {
            long now = CpuClock.of(redisPids.get(i));
            if (now < 0 || eachRedis0[i] < 0) {
                return OptionalLong.empty();
            }
            busiest = Math.max(busiest, now - eachRedis0[i]);
        }
        return OptionalLong.of(busiest);
    }

    /** CPU nanoseconds over the window; -1 where unknown. */
    private record Usage(double wall, long server, long redis, long load) {
        double percent(long nanos) {
            return 100 * nanos / wall;
        }
    }

    private Usage usage() {
        double wall = System.nanoTime() - t0;
        long load1 = CpuClock.self();
        long server1 = serverNanos();
        long redis1 = redisNanos();
        long server = server0 >= 0 && server1 >= 0 ? server1 - server0 : -1;
        long redis = redis0 >= 0 && redis1 >= 0 ? redis1 - redis0 : -1;
        long load = load0 >= 0 && load1 >= 0 ? load1 - load0 : -1;
        return new Usage(wall, server, redis, load);
    }
}
