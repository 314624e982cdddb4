package io.kalisocket.internal.server;

import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.exec.ElasticPool;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.internal.tls.TlsContexts;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.EventExecutor;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadPoolExecutor;

/** What the admin endpoint and the metrics read of a running node: its counters, connections, loops and state. */
public final class NodeStatus {

    private final ServerAssembly parts;
    private final NettyServer server;
    private final long startedAtMillis;

    NodeStatus(ServerAssembly parts, NettyServer server) {
        this.parts = parts;
        this.server = server;
        this.startedAtMillis = parts.clock.millis();
    }

    /** @return the configuration */
    public KaliConfig config() {
        return parts.config;
    }

    /** @return the server's counters */
    public ServerStats stats() {
        return parts.stats;
    }

    /** @return the open WebSocket connections of this node */
    public ConnectionRegistry connections() {
        return parts.connections;
    }

    /** @return this node's id */
    public String nodeId() {
        return parts.nodeId();
    }

    /** @return the bound port */
    public int port() {
        return server.port();
    }

    /** @return true once listening and until a stop begins: the readiness of {@code /health} */
    public boolean isReady() {
        return server.isReady();
    }

    /** @return true from the moment a stop begins */
    public boolean isStopping() {
        return server.isStopping();
    }

    /** @return {@code wss} with TLS, else {@code ws} */
    public String scheme() {
        return parts.tls != null ? "wss" : "ws";
    }

    /** @return {@code openssl} or {@code jdk} with TLS, empty without */
    public String tlsProvider() {
        return parts.tls == null ? "" : TlsContexts.providerName(parts.tls);
    }

    /** @return the transport in use, {@code epoll} or {@code nio} */
    public String transportName() {
        return parts.transport.name();
    }

    /** @return when this server was made, in epoch milliseconds */
    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** @return TCP connections not finished yet: upgraded, still in their handshake, or closing */
    public int tcpConnections() {
        return parts.tracker.count();
    }

    /** @return the open WebSocket connections of each event loop, by loop ({@code kali-io-0}, ...) */
    public Map<String, Integer> connectionsPerEventLoop() {
        Map<EventLoop, Integer> counts = new IdentityHashMap<>();
        parts.connections.all().forEach(c -> counts.merge(c.socket().channel().eventLoop(), 1, Integer::sum));
        Map<String, Integer> byName = new LinkedHashMap<>();
        int i = 0;
        for (EventExecutor loop : parts.loops.workerList()) {
            byName.put("kali-io-" + i++, counts.getOrDefault(loop, 0));
        }
        return byName;
    }

    /** @return where actions run: {@code virtual} or {@code pool}, with the pool's size, active threads, queue */
    public Map<String, Object> executorStats() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (parts.executor instanceof ThreadPoolExecutor pool) {
            s.put("kind", "pool");
            s.put("size", pool.getPoolSize());
            s.put("target", pool.getCorePoolSize());
            s.put("max", pool instanceof ElasticPool elastic ? elastic.maxThreads() : pool.getMaximumPoolSize());
            s.put("active", pool.getActiveCount());
            s.put("queued", pool.getQueue().size());
            s.put("completed", pool.getCompletedTaskCount());
        } else {
            s.put("kind", "virtual-threads");
        }
        return s;
    }

    /** @return connection recovery's {@code /status} section (empty without recovery) */
    public Map<String, Object> recoveryStatus() {
        return parts.recoveryHook.status();
    }
}
