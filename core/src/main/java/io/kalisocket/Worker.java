package io.kalisocket;

/**
 * One worker of the server (one Netty event loop), as {@code onWorkerStart} and {@code onWorkerStop}
 * see it: the {@code $worker} of Workerman.
 *
 * @param id 0-based index of this worker
 * @param count how many workers the server runs
 */
public record Worker(int id, int count) {
}
