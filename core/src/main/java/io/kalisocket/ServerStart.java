package io.kalisocket;

import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.admin.AdminServer;
import io.kalisocket.internal.admin.KaliMetrics;
import io.kalisocket.internal.admin.StatusReport;
import io.kalisocket.internal.lifecycle.PendingStop;
import io.kalisocket.internal.lifecycle.ShutdownSignals;
import io.kalisocket.internal.server.NettyServer;
import io.kalisocket.internal.server.ServerAssembly;
import io.kalisocket.internal.server.WebSocketListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order a server starts in. First every port is bound (the clients' port, then the admin port), accepting
 * nothing yet; then the server's parts are made (where an extension joins its cluster); then the admin endpoint
 * answers, every worker's {@code onWorkerStart} runs (where applications open their pools), and the clients'
 * port accepts. A port in use therefore fails the start before any pool, cluster link or callback exists, and
 * whatever fails releases everything opened before it: no half-started server keeps a port or a thread.
 */
final class ServerStart {

    private static final Logger log = LoggerFactory.getLogger(ServerStart.class);

    private ServerStart() {
    }

    /**
     * @param config the configuration
     * @param assemble makes the server's parts around the bound clients' port
     * @param sections the {@code /status} sections of the application and the extensions
     * @param meterRegistry the application's registry for the server's meters, null for a registry of its own
     * @param made told of the server as soon as it exists (before {@code onWorkerStart} runs)
     * @return the running server
     * @throws StartupException when a port cannot be bound or an {@code onWorkerStart} failed
     */
    static RunningServer run(KaliConfig config, Function<WebSocketListener, ServerAssembly> assemble,
            Map<String, Supplier<Object>> sections, MeterRegistry meterRegistry, Consumer<NettyServer> made) {
        WebSocketListener clients = WebSocketListener.bind(config);
        AdminServer admin = null;
        NettyServer server;
        try {
            admin = config.admin().enabled() ? AdminServer.bind(config.admin()) : null;
            server = new NettyServer(assemble.apply(clients));
        } catch (RuntimeException e) {
            if (admin != null) {
                admin.close();
            }
            clients.close();
            throw e;
        }
        made.accept(server);
        KaliMetrics metrics = meterRegistry == null ? KaliMetrics.ownRegistry(server.status())
                : KaliMetrics.on(server.status(), meterRegistry);
        if (config.recovery().enabled()) {
            sections.putIfAbsent("recovery", server.status()::recoveryStatus);
        }
        StatusReport status = new StatusReport(server.status(), sections);
        RunningServer running = new RunningServer(server, metrics, status);
        try {
            if (admin != null) {
                running.admin(admin);
                admin.open(config, server.status(), status, metrics, running::close);
            }
            server.open();
        } catch (RuntimeException e) {
            running.stop(Duration.ZERO);
            throw e;
        }
        return running;
    }

    /**
     * Opens the server and keeps it until it is stopped: SIGTERM and SIGINT (or, where signals cannot be handled, a
     * shutdown hook) stop it gracefully, as {@link KaliServer#start()} promises. The handlers are in place before the
     * server opens, so that a signal while it starts stops it once open ({@link PendingStop}); a start that fails
     * takes them away again, leaving the JVM's own handling to the caller.
     *
     * @param open opens the server
     * @throws InterruptedException when the waiting thread is interrupted
     */
    static void untilStopped(Supplier<RunningServer> open) throws InterruptedException {
        PendingStop<RunningServer> stop = new PendingStop<>();
        boolean signals = ShutdownSignals.install(stop::request);
        if (!signals) {
            log.debug("stopping through a shutdown hook instead");
        }
        // Also covers System.exit and signals that cannot be handled; a no-op once the server has stopped.
        Thread hook = new Thread(stop::request, "kali-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunningServer server;
        try {
            server = stop.open(open);
        } catch (RuntimeException | Error e) {
            if (signals) {
                ShutdownSignals.uninstall();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException exiting) {
                // the JVM is exiting already: the hook runs and finds nothing to stop
            }
            throw e;
        }
        server.awaitStop();
    }
}
