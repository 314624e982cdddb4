package io.kalisocket.bench.scenario;

import io.kalisocket.bench.run.CpuClock;
import io.kalisocket.bench.run.ServerProcess;
import java.util.Map;
import java.util.Optional;

/** CPU used by the server and by the load generator over a measured window. */
final class CpuWindow {

    private final Optional<ServerProcess> server;
    private final long t0 = System.nanoTime();
    private final long server0;
    private final long load0 = CpuClock.self();

    CpuWindow(Optional<ServerProcess> server) {
        this.server = server;
        this.server0 = server.map(ServerProcess::cpuNanos).orElse(-1L);
    }

    /**
     * Ends the window and adds {@code server cpu %}, {@code load cpu %} and, when there is a
     * server process, {@code <unit> per server cpu-s} for the given count.
     *
     * @param figures where to add
     * @param count   what happened in the window (replies, deliveries, ...)
     * @param unit    its name
     */
    void end(Map<String, Double> figures, long count, String unit) {
        double wall = System.nanoTime() - t0;
        long load1 = CpuClock.self();
        long server1 = server.map(ServerProcess::cpuNanos).orElse(-1L);
        if (server0 >= 0 && server1 >= 0) {
            figures.put("server cpu %", 100 * (server1 - server0) / wall);
            figures.put(unit + " per server cpu-s", server1 > server0 ? count / ((server1 - server0) / 1e9) : Double.NaN);
        }
        if (load0 >= 0 && load1 >= 0) {
            figures.put("load cpu %", 100 * (load1 - load0) / wall);
        }
    }
}
