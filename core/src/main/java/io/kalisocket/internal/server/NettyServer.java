package io.kalisocket.internal.server;

import io.kalisocket.Worker;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.connection.ClientIdGenerator;
import io.kalisocket.internal.connection.ConnectionRegistry;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.exec.ActionExecutor;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.gateway.LocalGateway;
import io.kalisocket.internal.lifecycle.ChannelTracker;
import io.kalisocket.internal.lifecycle.Drainer;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.RouteTable;
import io.kalisocket.internal.protocol.ReceiptTracker;
import io.kalisocket.internal.recovery.Recovery;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.kalisocket.spi.RecoveryStore;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.internal.tls.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.EventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listening node: event loops, the listening socket and the shared services. Made by
 * {@link io.kalisocket.KaliServer}; not meant to be used directly.
 */
public final class NettyServer {

    private static final Logger log = LoggerFactory.getLogger(NettyServer.class);

    private final KaliConfig config;
    private final ServerContext context;
    private final GatewayModeRunner gatewayMode;
    private final Recovery recovering;
    private final Gateway gateway;
    private final Transport transport;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Worker> workerList = new ArrayList<>();
    private final ChannelTracker tracker;
    private final SslContext tls;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final long createdAtMillis = System.currentTimeMillis();
    private volatile Channel listener;

    /**
     * @param config the configuration
     * @param mapper JSON for the wire and for binding
     * @param cache the receipts' dedup store
     * @param routes the routing table
     * @param callbacks the application's callbacks
     * @param gatewayFactory wraps the local gateway (the cluster puts its own in front); gets the node id
     * @param loader where static files are looked up
     * @param clock the clock of the framework's windows (connection recovery's)
     * @param recoveryStore where recoverable connections are known beyond this node; asked once the gateway is made
     */
    public NettyServer(KaliConfig config, ObjectMapper mapper, Cache cache, RouteTable routes, Callbacks callbacks,
            BiFunction<LocalGateway, String, Gateway> gatewayFactory, ClassLoader loader, InstantSource clock,
            Supplier<RecoveryStore> recoveryStore) {
        this.config = config;
        String nodeId = config.server().nodeId().isEmpty() ? ClientIdGenerator.randomNodeId() : config.server().nodeId();
        ServerStats stats = new ServerStats();
        MessageEncoder encoder = new MessageEncoder(mapper.writer(), PooledByteBufAllocator.DEFAULT);
        ConnectionRegistry connections = new ConnectionRegistry(encoder);
        LocalGateway local = new LocalGateway(connections);
        this.gateway = gatewayFactory.apply(local, nodeId);
        ActionDispatcher dispatcher = new ActionDispatcher(routes, gateway, mapper, stats);
        ExecutorService executor = ActionExecutor.create(config.execution());
        boolean recoverable = config.recovery().enabled();
        this.gatewayMode = config.gateway().enabled() ? new GatewayModeRunner(config.gateway(), dispatcher, mapper,
                recoverable ? Recovery.PARAMS : Set.of()) : null;
        ConnectionFinisher finisher = new ConnectionFinisher(connections, local, callbacks, stats, gatewayMode);
        this.recovering = recoverable ? new Recovery(config.recovery(), clock, connections, finisher::finish,
                KaliChannelInitializer::connectionOf, PooledByteBufAllocator.DEFAULT, recoveryStore.get(), encoder)
                : null;
        this.context = new ServerContext(config, mapper, encoder, stats, connections, local, dispatcher,
                new ReceiptTracker(cache, config.protocol().receiptWindow()), executor,
                new ClientIdGenerator(nodeId, System.currentTimeMillis()), callbacks,
                new StaticFiles(config.server().staticRoot(), loader), finisher,
                recoverable ? recovering : RecoveryHook.off());
        this.transport = Transport.choose(config.server().transport());
        this.boss = transport.newGroup(1, "kali-accept");
        this.workers = transport.newGroup(config.server().effectiveWorkerThreads(), "kali-io");
        this.tracker = new ChannelTracker(ch -> {
            var connection = KaliChannelInitializer.connectionOf(ch);
            return connection == null ? null : connection.queue();
        });
        this.tls = config.tls().enabled() ? TlsContexts.server(config.tls()) : null;
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
        int count = config.server().effectiveWorkerThreads();
        int id = 0;
        for (EventExecutor loop : workers) {
            Worker worker = new Worker(id++, count);
            workerList.add(worker);
            loop.submit(() -> context.callbacks().onWorkerStart().accept(worker)).sync();
        }
        if (recovering != null) {
            recovering.start(workers.next());
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.limits().outboundLowWaterMark(), config.limits().outboundHighWaterMark()))
                .childHandler(new KaliChannelInitializer(context, gatewayMode, tracker, tls));
        listener = bootstrap.bind(config.server().host(), config.server().port()).sync().channel();
        log.info("KaliSocket listening on {}://{}:{}{} (node {}, {} transport, {} event loops, actions on {})",
                scheme(), config.server().host(), port(), config.server().path(), context.clientIds().nodeId(),
                transport.name(), count, ActionExecutor.isVirtual(context.executor()) ? "virtual threads"
                        : "a pool of " + config.execution().effectivePoolMin() + " to "
                        + config.execution().effectivePoolSize() + " threads");
        return this;
    }

    /** @return the bound port */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @return the gateway actions see */
    public Gateway gateway() {
        return gateway;
    }

    /** @return the dispatcher, for applications with their own {@code onMessage} */
    public ActionDispatcher dispatcher() {
        return context.dispatcher();
    }

    /** @return the server's counters */
    public ServerStats stats() {
        return context.stats();
    }

    /** @return this node's id */
    public String nodeId() {
        return context.clientIds().nodeId();
    }

    /** @return the transport in use, {@code epoll} or {@code nio} */
    public String transportName() {
        return transport.name();
    }

    /** @return a future that completes when the listening socket closes */
    public io.netty.channel.ChannelFuture closeFuture() {
        return listener.closeFuture();
    }

    /** @return {@code wss} with TLS, else {@code ws} */
    public String scheme() {
        return tls != null ? "wss" : "ws";
    }

    /** @return {@code openssl} or {@code jdk} with TLS, empty without */
    public String tlsProvider() {
        return tls == null ? "" : TlsContexts.providerName(tls);
    }

    /** @return the configuration */
    public KaliConfig config() {
        return config;
    }

    /** @return connection recovery's {@code /status} section */
    public Map<String, Object> recoveryStatus() {
        return context.recovery().status();
    }

    /** @return the open WebSocket connections of this node */
    public ConnectionRegistry connections() {
        return context.connections();
    }

    /** @return TCP connections not finished yet: upgraded, still in their handshake, or closing */
    public int tcpConnections() {
        return tracker.count();
    }

    /** @return when this server was made, in epoch milliseconds */
    public long startedAtMillis() {
        return createdAtMillis;
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

    /** @return the open WebSocket connections of each event loop, by loop ({@code kali-io-0}, ...) */
    public Map<String, Integer> connectionsPerEventLoop() {
        Map<EventLoop, Integer> counts = new IdentityHashMap<>();
        context.connections().all().forEach(c -> counts.merge(c.channel().eventLoop(), 1, Integer::sum));
        Map<String, Integer> byName = new LinkedHashMap<>();
        int i = 0;
        for (EventExecutor loop : workers) {
            byName.put("kali-io-" + i++, counts.getOrDefault(loop, 0));
        }
        return byName;
    }

    /** @return where actions run: {@code virtual} or {@code pool}, with the pool's size, active threads, queue */
    public Map<String, Object> executorStats() {
        Map<String, Object> s = new LinkedHashMap<>();
        if (context.executor() instanceof java.util.concurrent.ThreadPoolExecutor pool) {
            s.put("kind", "pool");
            s.put("size", pool.getPoolSize());
            s.put("target", pool.getCorePoolSize());
            s.put("max", pool.getMaximumPoolSize());
            s.put("active", pool.getActiveCount());
            s.put("queued", pool.getQueue().size());
            s.put("completed", pool.getCompletedTaskCount());
        } else {
            s.put("kind", "virtual-threads");
        }
        return s;
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
            context.recovery().stop();
            boolean clean = new Drainer(context.connections(), tracker).drain(grace);
            context.executor().shutdown();
            try {
                if (!context.executor().awaitTermination(Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS)) {
                    clean = false;
                    log.warn("actions still running at the end of the grace period; abandoning them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stopWorkers();
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            log.info("KaliSocket stopped{}", clean ? "" : " (some work was cut short: see above)");
        } finally {
            terminated.complete(null);
        }
    }

    private void stopWorkers() {
        int i = 0;
        for (EventExecutor loop : workers) {
            if (i < workerList.size()) {
                Worker worker = workerList.get(i++);
                loop.submit(() -> context.callbacks().onWorkerStop().accept(worker)).awaitUninterruptibly();
            }
        }
    }
}
