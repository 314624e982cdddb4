package io.kalisocket.bench.server;

/** A server the bench started in this JVM. */
public interface RunningBenchServer extends AutoCloseable {

    /**
     * The bound loopback port.
     *
     * @return port number
     */
    int port();

    /** Stops the server. */
    @Override
    void close();
}
