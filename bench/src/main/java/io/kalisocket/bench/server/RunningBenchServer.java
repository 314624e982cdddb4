package io.kalisocket.bench.server;

/** A server the bench started in this JVM. */
public interface RunningBenchServer extends AutoCloseable {

    /**
     * The bound loopback port.
     *
     * @return port number
     */
    int port();

    /**
     * WebSocket sockets open now (a parked, recoverable connection has none).
     *
     * @return the count, or -1 when the server does not count them
     */
    default long openSockets() {
        return -1;
    }

    /**
     * What the server's registries still hold, for the {@code soak} scenario's check that churn leaves nothing.
     *
     * @return {@code <connections> <client ids> <uids> <groups>}, or {@code -1 -1 -1 -1} when the server has none
     */
    default String registries() {
        return "-1 -1 -1 -1";
    }

    /** Stops the server. */
    @Override
    void close();
}
