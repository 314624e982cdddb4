package io.kalisocket.internal.server;

import io.kalisocket.Worker;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.exec.ActionExecutor;
import io.kalisocket.internal.lifecycle.Drainer;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening node's lifecycle: runs the workers' start callbacks, binds the port, and stops gracefully. Its
 * parts are made by a {@link ServerAssembly}; made by {@link io.kalisocket.KaliServer}.
 */
public final class NettyServer {

    private static final Logger log = LoggerFactory.getLogger(NettyServer.class);

    private final ServerAssembly parts;
    private final NodeStatus status;
    private final List<Worker> workerList = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile Channel listener;

    /** @param parts the server's parts, made by its assembly */
    public NettyServer(ServerAssembly parts) {
        this.parts = parts;
        this.status = new NodeStatus(parts, this);
    }

    /**
     * Runs {@code onWorkerStart} on every worker, then binds the port.
     *
     * @return this server, listening
     * @throws InterruptedException when interrupted while binding
     */
    public NettyServer start() throws InterruptedException {
        // Loaded now, while file descriptors are free: the first log line's timestamp needs the zone rules, and
        // loading them when the process is out of descriptors (EMFILE) would kill the accepting thread.
        java.time.ZoneId.systemDefault().getRules();
        KaliConfig config = parts.config;
        List<EventExecutor> loops = parts.loops.workerList();
        int id = 0;
        for (EventExecutor loop : loops) {
            Worker worker = new Worker(id++, loops.size());
            workerList.add(worker);
            loop.submit(() -> parts.callbacks.onWorkerStart().accept(worker)).sync();
        }
        if (parts.recovery != null) {
            parts.recovery.start(parts.loops.workers().next());
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(parts.loops.boss(), parts.loops.workers())
                .channel(parts.transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.limits().outboundLowWaterMark(), config.limits().outboundHighWaterMark()))
                .childHandler(new KaliChannelInitializer(parts));
        listener = bootstrap.bind(config.server().host(), config.server().port()).sync().channel();
        log.info("KaliSocket listening on {}://{}:{}{} (node {}, {} transport, {} event loops, actions on {})",
                status.scheme(), config.server().host(), port(), config.server().path(), parts.nodeId(),
                parts.transport.name(), loops.size(), ActionExecutor.isVirtual(parts.executor) ? "virtual threads"
                        : "a pool of " + config.execution().effectivePoolMin() + " to "
                        + config.execution().effectivePoolSize() + " threads");
        return this;
    }

    /**
     * Starts, or stops again at once and says why: a start-up error names the address it could not listen on.
     *
     * @throws IllegalStateException when the server cannot start
     */
    public void startOrStop() {
        try {
            start();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(Duration.ZERO);
            throw new IllegalStateException("interrupted while starting", e);
        } catch (RuntimeException e) {
            stop(Duration.ZERO);
            throw new IllegalStateException("cannot listen on " + parts.config.server().host() + ":"
                    + parts.config.server().port() + ": " + e.getMessage(), e);
        }
    }

    /** @return the bound port */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @return the gateway actions see */
    public Gateway gateway() {
        return parts.gateway;
    }

    /** @return the dispatcher, for applications with their own {@code onMessage} */
    public ActionDispatcher dispatcher() {
        return parts.dispatcher;
    }

    /** @return what the admin endpoint and the metrics read of this node */
    public NodeStatus status() {
        return status;
    }

    /** @return the configuration */
    public KaliConfig config() {
        return parts.config;
    }

    /** @return true once listening and until a stop begins: the readiness of {@code /health} */
    public boolean isReady() {
        Channel l = listener;
        return l != null && l.isActive() && !stopping.get();
    }

    /** @return true from the moment a stop begins */
    public boolean isStopping() {
        return stopping.get();
    }

    /** @return completes when {@link #stop} has finished: drained, workers stopped, event loops down */
    public CompletableFuture<Void> terminated() {
        return terminated;
    }

    /**
     * Stops gracefully; a second call waits for the first. Order: not ready; no new connections; each client
     * told 1012 (service restart) once its queue ran everything it sent, so it reconnects elsewhere with
     * nothing lost; the offline actions and {@code onClose} run; what is left at {@code grace} is dropped;
     * then the workers' {@code onWorkerStop} (close pools there) and the event loops.
     *
     * @param grace how long the drain may take
     */
    public void stop(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            terminated.join();
            return;
        }
        try {
            long deadline = System.nanoTime() + grace.toNanos();
            Channel l = listener;
            if (l != null) {
                l.close().syncUninterruptibly();
            }
            parts.recoveryHook.stop();
            boolean clean = new Drainer(parts.connections, parts.tracker).drain(grace);
            parts.executor.shutdown();
            try {
                if (!parts.executor.awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    clean = false;
                    log.warn("actions still running at the end of the grace period; abandoning them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopWorkers();
            parts.loops.boss().shutdownGracefully(0, 1, TimeUnit.SECONDS);
            parts.loops.workers().shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            log.info("KaliSocket stopped{}", clean ? "" : " (some work was cut short: see above)");
        } finally {
            terminated.complete(null);
        }
    }

    private void stopWorkers() {
        int i = 0;
        for (EventExecutor loop : parts.loops.workerList()) {
            if (i < workerList.size()) {
                Worker worker = workerList.get(i++);
                loop.submit(() -> parts.callbacks.onWorkerStop().accept(worker)).awaitUninterruptibly();
            }
        }
    }
}
