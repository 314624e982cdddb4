package io.kalisocket;

import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.admin.AdminServer;
import io.kalisocket.internal.admin.KaliMetrics;
import io.kalisocket.internal.server.NettyServer;
import io.kalisocket.internal.server.ServerAssembly;
import io.kalisocket.internal.server.WebSocketListener;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The order a server starts in. First every port is bound (the clients' port, then the admin port), accepting
 * nothing yet; then the server's parts are made (where an extension joins its cluster); then the admin endpoint
 * answers, every worker's {@code onWorkerStart} runs (where applications open their pools), and the clients'
 * port accepts. A port in use therefore fails the start before any pool, cluster link or callback exists, and
 * whatever fails releases everything opened before it: no half-started server keeps a port or a thread.
 */
final class ServerStart {

    private ServerStart() {
    }

    /**
     * @param config the configuration
     * @param assemble makes the server's parts around the bound clients' port
     * @param sections the {@code /status} sections of the application and the extensions
     * @param made told of the server as soon as it exists (before {@code onWorkerStart} runs)
     * @return the running server
     * @throws StartupException when a port cannot be bound or an {@code onWorkerStart} failed
     */
    static RunningServer run(KaliConfig config, Function<WebSocketListener, ServerAssembly> assemble,
            Map<String, Supplier<Object>> sections, Consumer<NettyServer> made) {
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
        KaliMetrics metrics = new KaliMetrics(server.status());
        RunningServer running = new RunningServer(server, metrics);
        try {
            if (admin != null) {
                running.admin(admin);
                if (config.recovery().enabled()) {
                    sections.putIfAbsent("recovery", server.status()::recoveryStatus);
                }
                admin.open(config, server.status(), sections, metrics, running::close);
            }
            server.open();
        } catch (RuntimeException e) {
            running.stop(Duration.ZERO);
            throw e;
        }
        return running;
    }
}
