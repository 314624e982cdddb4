package io.kalisocket.internal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliClock;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.internal.auth.ConnectionAuth;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ClientIdGenerator;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.exec.ActionExecutor;
import io.kalisocket.internal.exec.NodeBacklog;
import io.kalisocket.internal.gateway.LocalGateway;
import io.kalisocket.internal.http.HttpEndpoints;
import io.kalisocket.internal.lifecycle.ChannelTracker;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.RouteTable;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.recovery.LocalStore;
import io.kalisocket.internal.recovery.Recovery;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.internal.tls.TlsContexts;
import io.kalisocket.spi.RecoveryStore;
import io.netty.handler.ssl.SslContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;

/**
 * The composition root: makes one server's parts, once, in dependency order. Only the channel initializer and
 * the server's lifecycle read them from here; every pipeline stage is given just the parts it uses.
 */
public final class ServerAssembly {

    final KaliConfig config;
    final KaliClock clock;
    final ObjectMapper mapper;
    final LifecycleCallbacks callbacks;
    final ServerStats stats = new ServerStats();
    final ConnectionRegistry connections;
    final Gateway gateway;
    final ActionDispatcher dispatcher;
    final ExecutorService executor;
    final ConnectActionRunner connectActions;
    final ConnectionFinisher finisher;
    final Recovery recovery;
    final RecoveryHook recoveryHook;
    final ReceiptTracker receipts;
    final ConnectionFactory connectionFactory;
    final StaticFiles staticFiles;
    /** The application's HTTP endpoints beside the socket, run on the action threads. */
    final HttpEndpoints httpEndpoints;
    final ServerTransport transport;
    final EventLoops loops;
    final Listener listener;
    final ChannelTracker tracker = new ChannelTracker(ch -> {
        ChannelConnection connection = ChannelConnection.of(ch);
        return connection == null ? null : connection.queue();
    });
    final SslContext tls;
    /** Binds an authenticated connection's uid and starts its expiry; null when the server does not authenticate. */
    final Consumer<ChannelConnection> authenticated;

    /**
     * @param config the configuration
     * @param clock the clock of every window and timer
     * @param mapper JSON for the wire and for binding
     * @param cache the receipts' dedup store
     * @param routes the routing table
     * @param callbacks the application's callbacks
     * @param extensions what extension modules bring (gateway, recovery store)
     * @param loader where static files are looked up
     * @param bound the clients' port, bound before anything here is made; the server owns it from now on
     * @param auth the server's authentication, or null for none
     */
    public ServerAssembly(KaliConfig config, KaliClock clock, ObjectMapper mapper, Cache cache, RouteTable routes,
            LifecycleCallbacks callbacks, Extensions extensions, ClassLoader loader, WebSocketListener bound,
            ConnectionAuth auth) {
        this(config, clock, mapper, cache, routes, callbacks, extensions, loader, bound, auth, Map.of());
    }

    /**
     * As the other constructor, with the application's HTTP endpoints.
     *
     * @param config the configuration
     * @param clock the clock of every window and timer
     * @param mapper JSON for the wire and for binding
     * @param cache the receipts' dedup store
     * @param routes the routing table
     * @param callbacks the application's callbacks
     * @param extensions what extension modules bring (gateway, recovery store)
     * @param loader where static files are looked up
     * @param bound the clients' port, bound before anything here is made; the server owns it from now on
     * @param auth the server's authentication, or null for none
     * @param http the application's HTTP endpoints by path (checked by {@link HttpEndpoints#register})
     */
    public ServerAssembly(KaliConfig config, KaliClock clock, ObjectMapper mapper, Cache cache, RouteTable routes,
            LifecycleCallbacks callbacks, Extensions extensions, ClassLoader loader, WebSocketListener bound,
            ConnectionAuth auth, Map<String, HttpEndpoint> http) {
        this.config = config;
        this.clock = clock;
        this.mapper = mapper;
        this.callbacks = callbacks;
        this.transport = bound.transport;
        this.loops = bound.loops;
        this.listener = bound.listener;
        // What can fail comes first, the action pool after it: a failed assembly leaves no thread behind.
        this.tls = config.tls().enabled() ? TlsContexts.server(config.tls()) : null;
        String nodeId = config.server().nodeId().isEmpty() ? ClientIdGenerator.randomNodeId()
                : config.server().nodeId();
        MessageEncoder encoder = MessageEncoder.of(mapper, ActionExecutor.virtual(config.execution()),
                WebSocketListener.ALLOCATOR);
        this.connections = new ConnectionRegistry(encoder);
        LocalGateway local = new LocalGateway(connections);
        this.gateway = extensions.gateway(local, nodeId);
        this.dispatcher = new ActionDispatcher(routes, gateway, mapper, encoder, stats);
        boolean recoverable = config.recovery().enabled();
        RecoveryStore store = recoverable ? extensions.recoveryStore().orElseGet(LocalStore::new) : null;
        this.executor = ActionExecutor.create(config.execution(), clock);
        this.connectActions = config.connectActions().enabled() ? new ConnectActionRunner(config.connectActions(),
                dispatcher, mapper, recoverable ? Recovery.PARAMS : Set.of()) : null;
        this.finisher = new ConnectionFinisher(connections, local, callbacks, stats, connectActions);
        this.recovery = recoverable ? new Recovery(config.recovery(), clock, connections, finisher,
                WebSocketListener.ALLOCATOR, store) : null;
        this.recoveryHook = recoverable ? recovery : RecoveryHook.off();
        this.receipts = new ReceiptTracker(cache, config.protocol().receiptWindow());
        // Client ids stay unique across restarts by the boot's wall time, never a test's fake clock.
        ClientIdGenerator ids = new ClientIdGenerator(nodeId, System.currentTimeMillis());
        this.connectionFactory = new ConnectionFactory(ids, encoder, executor, config.limits().maxQueuedPerConnection(),
                new NodeBacklog(config.execution().maxQueuedTotal()), clock, stats);
        this.staticFiles = new StaticFiles(config.server().staticRoot(), loader);
        this.httpEndpoints = new HttpEndpoints(http, executor);
        this.authenticated = auth == null ? null : c -> auth.bind(c, gateway);
    }

    /** @return this node's id, the first part of every client id it makes */
    String nodeId() {
        return connectionFactory.nodeId();
    }
}
