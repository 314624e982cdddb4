package io.kalisocket.internal.server;

import io.kalisocket.StartupException;
import io.kalisocket.Worker;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.exec.ActionExecutor;
import io.kalisocket.internal.lifecycle.Drainer;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node's lifecycle once its port is bound: runs the workers' start callbacks, starts accepting, and stops
 * gracefully. Its parts, the bound listener included, are made by a {@link ServerAssembly}; made by
 * {@link io.kalisocket.KaliServer}.
 */
public final class NettyServer {

    private static final Logger log = LoggerFactory.getLogger(NettyServer.class);

    private final ServerAssembly parts;
    private final NodeStatus status;
    private final List<Worker> workerList = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private volatile boolean accepting;

    /** @param parts the server's parts, made by its assembly, its listener bound and not yet accepting */
    public NettyServer(ServerAssembly parts) {
        this.parts = parts;
        this.status = new NodeStatus(parts, this);
    }

    /**
     * Runs {@code onWorkerStart} on every worker, then accepts connections (those that came meanwhile waited in
     * the backlog) and logs the "listening" line. On failure the caller stops the server, which releases the port.
     *
     * @throws StartupException when an {@code onWorkerStart} failed; the workers started before it are stopped
     *     with {@code onWorkerStop} when the server stops
     */
    public void open() {
        // Loaded now, while file descriptors are free: the first log line's timestamp needs the zone rules, and
        // loading them when the process is out of descriptors (EMFILE) would kill the accepting thread.
        java.time.ZoneId.systemDefault().getRules();
        KaliConfig config = parts.config;
        List<EventExecutor> loops = parts.loops.workerList();
        for (EventExecutor loop : loops) {
            Worker worker = new Worker(workerList.size(), loops.size());
            Future<?> started = loop.submit(() -> parts.callbacks.onWorkerStart().accept(worker)).awaitUninterruptibly();
            if (!started.isSuccess()) {
                throw new StartupException("onWorkerStart failed on worker " + worker.id() + ": " + started.cause(),
                        started.cause());
            }
            workerList.add(worker);
        }
        if (parts.recovery != null) {
            parts.recovery.start(parts.loops.workers().next());
        }
        parts.listener.open(new KaliChannelInitializer(parts));
        accepting = true;
        log.info("KaliSocket listening on {}://{}:{}{} (node {}, {} transport, {} event loops, actions on {})",
                status.scheme(), config.server().host(), port(), config.server().path(), parts.nodeId(),
                parts.transport.name(), loops.size(), ActionExecutor.isVirtual(parts.executor) ? "virtual threads"
                        : "a pool of " + config.execution().effectivePoolMin() + " to "
                        + config.execution().effectivePoolSize() + " threads");
    }

    /** @return the bound port */
    public int port() {
        return parts.listener.port();
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

    /** @return true once accepting connections and until a stop begins: the readiness of {@code /health} */
    public boolean isReady() {
        return accepting && parts.listener.isActive() && !stopping.get();
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
            parts.listener.close();
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
            parts.loops.shutdown();
            if (accepting) {
                log.info("KaliSocket stopped{}", clean ? "" : " (some work was cut short: see above)");
            } else {
                log.debug("released what the failed start had opened");
            }
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
