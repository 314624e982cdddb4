package io.kalisocket;

/**
 * One event loop of the server: one Netty I/O thread, as {@code onWorkerStart} and {@code onWorkerStop} see it.
 * It is named after Workerman's {@code $worker} (and GatewayWorker's {@code onWorkerStart($worker)}) because that
 * is what a user porting from them looks for, but it is not a process: all of a server's workers share one JVM,
 * its heap and its pools ({@code server.worker-threads} sets how many, one per core by default). Open a pool once,
 * not once per worker, unless each event loop should have its own.
 *
 * @param id 0-based index of this event loop
 * @param count how many event loops the server runs
 */
public record Worker(int id, int count) {
}
