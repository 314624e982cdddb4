package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.CpuClock;
import io.kalisocket.bench.run.ServerProcess;
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

    private final List<ServerProcess> servers;
    private final OptionalLong redisPid;
    private final long t0 = System.nanoTime();
    private final long server0;
    private final long redis0;
    private final long load0 = CpuClock.self();

    CpuWindow(Subject subject) {
        this.servers = subject.processes();
        this.redisPid = subject.redisPid();
        this.server0 = serverNanos();
        this.redis0 = redisNanos();
    }

    private long serverNanos() {
        if (servers.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (ServerProcess s : servers) {
            long n = s.cpuNanos();
            if (n < 0) {
                return -1;
            }
            sum += n;
        }
        return sum;
    }

    private long redisNanos() {
        return redisPid.isPresent() ? CpuClock.of(redisPid.getAsLong()) : -1;
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
        double wall = System.nanoTime() - t0;
        long load1 = CpuClock.self();
        long server1 = serverNanos();
        long redis1 = redisNanos();
        if (server0 >= 0 && server1 >= 0) {
            long used = server1 - server0;
            figures.put("server cpu %", 100 * used / wall);
            if (redis0 >= 0 && redis1 >= 0) {
                figures.put("redis cpu %", 100 * (redis1 - redis0) / wall);
                used += redis1 - redis0;
            }
            figures.put(unit + " per server cpu-s", used > 0 ? count / (used / 1e9) : Double.NaN);
        }
        if (load0 >= 0 && load1 >= 0) {
            double load = 100 * (load1 - load0) / wall;
            figures.put("load cpu %", load);
            // Above this the load generator, not the server, sets the pace: compare per server cpu-s instead.
            figures.put("load saturated (1: over " + SATURATED + " %)", load > SATURATED ? 1.0 : 0.0);
        }
    }
}
