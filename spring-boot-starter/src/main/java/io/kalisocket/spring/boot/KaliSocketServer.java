package io.kalisocket.spring.boot;

import io.kalisocket.Events;
import io.kalisocket.KaliServer;
import io.kalisocket.RunningServer;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.mvc.ActionInterceptor;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The KaliSocket server as part of the application context: it binds when the context starts (after the web
 * server, so an HTTP endpoint can already answer) and stops gracefully when the context closes, before the web
 * server's own graceful shutdown: clients get close code 1012 and the actions in flight finish, within
 * {@code kalisocket.shutdown.grace}. Inject it to read the server's state ({@link #running()}).
 */
public final class KaliSocketServer implements SmartLifecycle {

    /**
     * Stops before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and starts after it, so REST
     * endpoints that push through the gateway keep working while clients are drained.
     */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger log = LoggerFactory.getLogger(KaliSocketServer.class);

    private final KaliConfig config;
    private final ControllerBeans controllers;
    private final Cache cache;
    private final List<ActionInterceptor> interceptors;
    private final List<Events> events;
    private final Optional<Authenticator> authenticator;
    private final List<KaliServerCustomizer> customizers;
    private final List<KaliSocketStatusSection> sections;
    private final AtomicReference<RunningServer> running = new AtomicReference<>();

    KaliSocketServer(KaliConfig config, ControllerBeans controllers, Cache cache, List<ActionInterceptor> interceptors,
            List<Events> events, Optional<Authenticator> authenticator, List<KaliServerCustomizer> customizers,
            List<KaliSocketStatusSection> sections) {
        this.config = config;
        this.controllers = controllers;
        this.cache = cache;
        this.interceptors = List.copyOf(interceptors);
        this.events = List.copyOf(events);
        this.authenticator = authenticator;
        this.customizers = List.copyOf(customizers);
        this.sections = List.copyOf(sections);
    }

    /** @return the configuration the server runs with, as loaded from the {@code kalisocket.*} properties */
    public KaliConfig config() {
        return config;
    }

    /** @return the running server while the context runs; empty before it started and after it stopped */
    public Optional<RunningServer> running() {
        return Optional.ofNullable(running.get());
    }

    /** @return the running server @throws IllegalStateException when it is not running */
    RunningServer require() {
        return running().orElseThrow(() -> new IllegalStateException(
                "the KaliSocket server is not running (it starts with the application context)"));
    }

    /**
     * Binds the server: controllers are checked here, so a bad signature or a duplicate action stops the context
     * with the server's message naming the method.
     */
    @Override
    public void start() {
        KaliServer server = KaliServer.create(config).cache(cache).classLoader(controllers.classLoader());
        controllers.instances().forEach(server::controller);
        interceptors.forEach(server::interceptor);
        events.forEach(server::events);
        authenticator.ifPresent(server::authenticator);
        sections.forEach(s -> server.statusSection(s.name(), s.section()));
        customizers.forEach(c -> c.customize(server));
        RunningServer started = server.bind();
        running.set(started);
        log.info("KaliSocket listening on port {} ({} controller bean(s))", started.port(),
                controllers.instances().size());
    }

    /** Closes every connection with 1012 and waits for the actions in flight, up to {@code shutdown.grace}. */
    @Override
    public void stop() {
        RunningServer server = running.get();
        if (server != null) {
            server.close(); // the health and the endpoint show "draining" meanwhile
            running.compareAndSet(server, null);
        }
    }

    @Override
    public boolean isRunning() {
        return running.get() != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
