package io.kalisocket;

import io.kalisocket.gateway.Gateway;
import io.kalisocket.mvc.Dispatcher;
import io.kalisocket.server.NettyServer;
import io.kalisocket.stats.ServerStats;
import java.time.Duration;

/** A started server: where it listens, its gateway and counters, and how to stop it. */
public final class RunningServer implements AutoCloseable {

    /** How long {@link #close()} lets in-flight actions finish. */
    public static final Duration DEFAULT_GRACE = Duration.ofSeconds(10);

    private final NettyServer server;

    RunningServer(NettyServer server) {
        this.server = server;
    }

    /** @return the bound port (useful when configured with port 0) */
    public int port() {
        return server.port();
    }

    /** @return the gateway, to push from outside an action */
    public Gateway gateway() {
        return server.gateway();
    }

    /** @return the dispatcher, for applications with their own {@code onMessage} */
    public Dispatcher dispatcher() {
        return server.dispatcher();
    }

    /** @return the server's counters */
    public ServerStats stats() {
        return server.stats();
    }

    /** @return this node's id, the first part of every client id it makes */
    public String nodeId() {
        return server.nodeId();
    }

    /** @return {@code epoll} or {@code nio} */
    public String transport() {
        return server.transportName();
    }

    /** Blocks until the server is stopped. @throws InterruptedException when interrupted */
    public void awaitStop() throws InterruptedException {
        server.closeFuture().sync();
    }

    /** @param grace how long in-flight actions may take to finish */
    public void stop(Duration grace) {
        server.stop(grace);
    }

    /** Stops with the {@link #DEFAULT_GRACE default grace}. */
    @Override
    public void close() {
        stop(DEFAULT_GRACE);
    }
}
