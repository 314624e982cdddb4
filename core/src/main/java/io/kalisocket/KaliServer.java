package io.kalisocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.internal.http.HttpEndpoints;
import io.kalisocket.internal.mvc.ControllerSources;
import io.kalisocket.internal.server.LifecycleCallbacks;
import io.kalisocket.internal.server.NettyServer;
import io.kalisocket.mvc.ActionInterceptor;
import io.kalisocket.mvc.Dispatcher;
import io.kalisocket.spi.NodeExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Builds and starts a KaliSocket server:
 * <pre>{@code
 * KaliServer.create(ConfigLoader.load(...))
 *     .controllers("app.controller")
 *     .onWorkerStart(w -> ...)
 *     .onClose(conn -> ...)
 *     .start();
 * }</pre>
 * Controllers are scanned and checked when the server starts; any problem is a start-up error.
 */
public final class KaliServer {

    private final KaliConfig config;
    private final ControllerSources controllers = new ControllerSources();
    private LifecycleCallbacks callbacks = LifecycleCallbacks.none();
    private ObjectMapper mapper;
    private Cache cache;
    private final List<NodeExtension> extensions = new ArrayList<>();
    private ClassLoader loader = Thread.currentThread().getContextClassLoader();
    private KaliClock clock = KaliClock.system();
    private final Map<String, Supplier<Object>> statusSections = new LinkedHashMap<>();
    private Authenticator authenticator;
    private final LinkedHashMap<String, HttpEndpoint> httpEndpoints = new LinkedHashMap<>();
    private MeterRegistry meterRegistry;
    private volatile NettyServer running;

    private KaliServer(KaliConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** @param config the configuration @return a server to configure */
    public static KaliServer create(KaliConfig config) {
        return new KaliServer(config);
    }

    /** @param packageNames packages whose controllers are scanned at start @return this */
    public KaliServer controllers(String... packageNames) {
        controllers.addPackages(packageNames);
        return this;
    }

    /**
     * Adds a controller instance the application made itself, e.g. one given a database-backed store. A
     * scanned package holding its class uses this instance instead of making one.
     *
     * @param instance an instance of a public controller class
     * @return this
     */
    public KaliServer controller(Object instance) {
        controllers.addInstance(instance);
        return this;
    }

    /** @param types controller classes to add @return this */
    public KaliServer controllers(Class<?>... types) {
        controllers.addTypes(types);
        return this;
    }

    /** @param callback runs once per worker before any connection @return this */
    public KaliServer onWorkerStart(Consumer<Worker> callback) {
        callbacks = callbacks.withOnWorkerStart(Objects.requireNonNull(callback));
        return this;
    }

    /** @param callback runs when a TCP connection is accepted @return this */
    public KaliServer onConnect(Consumer<Connection> callback) {
        callbacks = callbacks.withOnConnect(Objects.requireNonNull(callback));
        return this;
    }

    /** @param callback runs during the upgrade; may {@link Handshake#reject} it @return this */
    public KaliServer onWebSocketConnect(BiConsumer<Connection, Handshake> callback) {
        callbacks = callbacks.withOnWebSocketConnect(Objects.requireNonNull(callback));
        return this;
    }

    /**
     * @param callback replaces the ready pipeline: gets every text frame, and may call {@link #dispatcher()}{@code
     *     .run(conn, params)} itself
     * @return this
     */
    public KaliServer onMessage(BiConsumer<Connection, String> callback) {
        callbacks = callbacks.withOnMessage(Objects.requireNonNull(callback));
        return this;
    }

    /** @param callback runs when a connection closed @return this */
    public KaliServer onClose(Consumer<Connection> callback) {
        callbacks = callbacks.withOnClose(Objects.requireNonNull(callback));
        return this;
    }

    /** @param callback runs when a connection failed @return this */
    public KaliServer onError(BiConsumer<Connection, Throwable> callback) {
        callbacks = callbacks.withOnError(Objects.requireNonNull(callback));
        return this;
    }

    /** @param callback runs once per worker when the server stops @return this */
    public KaliServer onWorkerStop(Consumer<Worker> callback) {
        callbacks = callbacks.withOnWorkerStop(Objects.requireNonNull(callback));
        return this;
    }

    /** @param events the application's callbacks (its {@code onMessage} only when overridden) @return this */
    public KaliServer events(Events events) {
        callbacks = callbacks.withEvents(Objects.requireNonNull(events));
        return this;
    }

    /**
     * @param own decides who each client is during its handshake, in place of the {@code auth.jwt.*} keys' JWT check
     *     (docs/AUTH.md)
     * @return this
     */
    public KaliServer authenticator(Authenticator own) {
        this.authenticator = Objects.requireNonNull(own);
        return this;
    }

    /** @param interceptor runs before every action, after those added before it (docs/AUTH.md) @return this */
    public KaliServer interceptor(ActionInterceptor interceptor) {
        controllers.addInterceptor(interceptor);
        return this;
    }

    /** @param json the mapper for the wire and for binding requests @return this */
    public KaliServer json(ObjectMapper json) {
        this.mapper = Objects.requireNonNull(json);
        return this;
    }

    /** @param store the cache behind the receipts' dedup window (default: a local cache) @return this */
    public KaliServer cache(Cache store) {
        this.cache = Objects.requireNonNull(store);
        return this;
    }

    /**
     * Installs an extension: a module that brings its own gateway, cache, recovery store or status sections,
     * as the cluster module's {@code Cluster.join(server, config)} does. Applications rarely call this
     * themselves; see {@link NodeExtension}.
     *
     * @param extension the extension
     * @return this
     */
    public KaliServer use(NodeExtension extension) {
        extensions.add(Objects.requireNonNull(extension));
        return this;
    }

    /**
     * Adds a section to the admin endpoint's {@code /status}, e.g. the connection pool's or the cluster's.
     *
     * @param name the section's key in the JSON, e.g. {@code db}
     * @param section computes the section (maps, lists, numbers, strings) on each request
     * @return this
     * @throws IllegalArgumentException when the name is already taken
     */
    public KaliServer statusSection(String name, Supplier<Object> section) {
        if (statusSections.putIfAbsent(Objects.requireNonNull(name), Objects.requireNonNull(section)) != null) {
            throw new IllegalArgumentException("status section '" + name + "' is already registered");
        }
        return this;
    }

    /**
     * Serves a small HTTP endpoint on the WebSocket port, beside the socket (README, "HTTP endpoints beside the
     * socket"): requests to exactly this path, any method, run the endpoint on an action thread; it comes before the
     * static files. Bodies are at most 16 KiB (413 beyond).
     *
     * @param path the exact path, e.g. {@code /login}: {@code /} then segments of {@code [A-Za-z0-9_.~-]}
     * @param endpoint what answers
     * @return this
     * @throws IllegalArgumentException when the path is not such a path or already has an endpoint
     */
    public KaliServer http(String path, HttpEndpoint endpoint) {
        HttpEndpoints.register(httpEndpoints, path, endpoint);
        return this;
    }

    /**
     * Records the server's {@code kalisocket.*} meters on the application's registry (e.g. Spring Boot's) instead of
     * the server's own; they are removed from it when the server stops. The JVM's series are then the
     * application's business, and the admin endpoint's {@code /metrics} serves the registry's scrape only if it is a
     * Prometheus registry (404 otherwise). Default: a Prometheus registry of the server's own, with the JVM's series.
     *
     * @param registry the application's registry
     * @return this
     */
    public KaliServer meterRegistry(MeterRegistry registry) {
        this.meterRegistry = Objects.requireNonNull(registry);
        return this;
    }

    /**
     * @param time the clock of every window and timer of the server (receipts, rate limit, handshake, idle and
     *     close timeouts, connection recovery, the action pool's monitor); tests pass a fake one to move time
     *     without waiting. Default: {@link KaliClock#system()}
     * @return this
     */
    public KaliServer clock(KaliClock time) {
        this.clock = Objects.requireNonNull(time);
        return this;
    }

    /** @return the clock set with {@link #clock(KaliClock)}, else the system's: the application's timers use it too */
    public KaliClock clock() {
        return clock;
    }

    /** @param classLoader where controllers and static files are looked up @return this */
    public KaliServer classLoader(ClassLoader classLoader) {
        this.loader = Objects.requireNonNull(classLoader);
        return this;
    }

    /**
     * @return the dispatcher of the running server
     * @throws IllegalStateException before the server started
     */
    public Dispatcher dispatcher() {
        return started("the dispatcher").dispatcher();
    }

    /**
     * @return the running server's gateway (a cluster's when installed), e.g. for a timer {@code onWorkerStart} starts
     * @throws IllegalStateException before the server started
     */
    public Gateway gateway() {
        return started("the gateway").gateway();
    }

    private NettyServer started(String part) {
        return Optional.ofNullable(running).orElseThrow(() -> new IllegalStateException(part + " exists once the "
                + "server has started"));
    }

    /**
     * Starts the server and returns at once. Every port (clients', admin) is bound first, then the parts are made
     * and extensions installed, then each worker's {@code onWorkerStart} runs, then connections are accepted: a
     * port in use fails here before any pool or cluster link exists, and any failure leaves nothing open.
     *
     * @return the running server
     * @throws StartupException when a port cannot be bound, or an {@code onWorkerStart} failed; its message is
     *     one line naming the listener, the address and the setting that moves it
     * @throws IllegalStateException when a controller is invalid
     */
    public RunningServer bind() {
        return new ServerRecipe(config, controllers, callbacks, mapper, cache, List.copyOf(extensions), loader, clock,
                statusSections, authenticator, httpEndpoints, meterRegistry).bind(server -> running = server);
    }

    /**
     * Starts the server and blocks until it is stopped. SIGTERM and SIGINT stop it gracefully (see
     * {@link RunningServer#close()}) and this method then returns normally, so that {@code main} can end with
     * exit status 0; where signals cannot be handled, a shutdown hook stops it the same way. A signal while the server
     * is still starting stops it as soon as it is open.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public void start() throws InterruptedException {
        ServerStart.untilStopped(this::bind);
    }

    /** @return the default mapper: unknown fields are ignored when binding (params include ct, ac, ip...) */
    public static ObjectMapper defaultMapper() {
        return ServerRecipe.defaultMapper();
    }
}
