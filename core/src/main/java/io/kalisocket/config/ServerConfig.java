package io.kalisocket.config;

/**
 * Where and how the server listens.
 *
 * @param host address to bind; default {@code 127.0.0.1}
 * @param port TCP port for WebSocket and static HTTP; default {@code 9527} ({@code 0} picks a free port)
 * @param path the WebSocket endpoint path; default {@code /}
 * @param workerThreads number of Netty event loops (the {@code $worker->count} of Workerman);
 *     default {@code 0}, meaning one per core
 * @param transport {@code auto} (epoll when available, else NIO), {@code epoll} or {@code nio}
 * @param nodeId this node's id, part of every client id: 1-16 characters of {@code [a-z0-9]};
 *     default empty, meaning a random id chosen at start
 * @param staticRoot classpath folder served for plain HTTP GETs, e.g. {@code public}; default empty (none)
 */
public record ServerConfig(
        String host,
        int port,
        String path,
        int workerThreads,
        String transport,
        String nodeId,
        String staticRoot) {

    /** The defaults documented on each component. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 9527, "/", 0, "auto", "", "");
    }

    /** @return the number of event loops to start: {@link #workerThreads} or the number of cores */
    public int effectiveWorkerThreads() {
        return workerThreads > 0 ? workerThreads : Runtime.getRuntime().availableProcessors();
    }

    /**
     * Returns a copy listening on another port.
     *
     * @param newPort the port
     * @return the copy
     */
    public ServerConfig withPort(int newPort) {
        return new ServerConfig(host, newPort, path, workerThreads, transport, nodeId, staticRoot);
    }

    /**
     * Returns a copy serving static files from another classpath folder.
     *
     * @param folder the folder, empty for none
     * @return the copy
     */
    public ServerConfig withStaticRoot(String folder) {
        return new ServerConfig(host, port, path, workerThreads, transport, nodeId, folder);
    }
}
