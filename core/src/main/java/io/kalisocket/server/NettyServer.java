package io.kalisocket.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.connection.ClientIdGenerator;
import io.kalisocket.connection.ConnectionRegistry;
import io.kalisocket.connection.MessageEncoder;
import io.kalisocket.exec.ActionExecutor;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.gateway.LocalGateway;
import io.kalisocket.mvc.Dispatcher;
import io.kalisocket.mvc.RouteTable;
import io.kalisocket.protocol.ReceiptTracker;
import io.kalisocket.stats.ServerStats;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
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
    private final Gateway gateway;
    private final Transport transport;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final List<Worker> workerList = new ArrayList<>();
    private Channel listener;

    /**
     * @param config the configuration
     * @param mapper JSON for the wire and for binding
     * @param cache the receipts' dedup store
     * @param routes the routing table
     * @param callbacks the application's callbacks
     * @param gatewayFactory wraps the local gateway (the cluster puts its own in front); gets the node id
     * @param loader where static files are looked up
     */
    public NettyServer(KaliConfig config, ObjectMapper mapper, Cache cache, RouteTable routes, Callbacks callbacks,
            BiFunction<LocalGateway, String, Gateway> gatewayFactory, ClassLoader loader) {
        this.config = config;
        String nodeId = config.server().nodeId().isEmpty() ? ClientIdGenerator.randomNodeId() : config.server().nodeId();
        ServerStats stats = new ServerStats();
        MessageEncoder encoder = new MessageEncoder(mapper.writer(), PooledByteBufAllocator.DEFAULT);
        ConnectionRegistry connections = new ConnectionRegistry(encoder);
        LocalGateway local = new LocalGateway(connections);
        this.gateway = gatewayFactory.apply(local, nodeId);
        Dispatcher dispatcher = new Dispatcher(routes, gateway, mapper, stats);
        ExecutorService executor = ActionExecutor.create(config.execution());
        this.context = new ServerContext(config, mapper, encoder, stats, connections, local, dispatcher,
                new ReceiptTracker(cache, config.protocol().receiptWindow()), executor,
                new ClientIdGenerator(nodeId, System.currentTimeMillis()), callbacks,
                new StaticFiles(config.server().staticRoot(), loader));
        this.transport = Transport.choose(config.server().transport());
        this.boss = transport.newGroup(1, "kali-accept");
        this.workers = transport.newGroup(config.server().effectiveWorkerThreads(), "kali-io");
    }

    /**
     * Runs {@code onWorkerStart} on every worker, then binds the port.
     *
     * @return this server, listening
     * @throws InterruptedException when interrupted while binding
     */
    public NettyServer start() throws InterruptedException {
        int count = config.server().effectiveWorkerThreads();
        int id = 0;
        for (EventExecutor loop : workers) {
            Worker worker = new Worker(id++, count);
            workerList.add(worker);
            loop.submit(() -> context.callbacks().onWorkerStart().accept(worker)).sync();
        }
        GatewayModeRunner gatewayMode = config.gateway().enabled()
                ? new GatewayModeRunner(config.gateway(), context.dispatcher(), context.mapper()) : null;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.limits().outboundLowWaterMark(), config.limits().outboundHighWaterMark()))
                .childHandler(new KaliChannelInitializer(context, gatewayMode));
        listener = bootstrap.bind(config.server().host(), config.server().port()).sync().channel();
        log.info("KaliSocket listening on ws://{}:{}{} (node {}, {} transport, {} event loops, actions on {})",
                config.server().host(), port(), config.server().path(), context.clientIds().nodeId(),
                transport.name(), count, ActionExecutor.isVirtual(context.executor()) ? "virtual threads"
                        : "a pool of " + config.execution().effectivePoolSize() + " threads");
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
    public Dispatcher dispatcher() {
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

    /**
     * Stops: no new connections, every client told 1012 (service restart) so it reconnects elsewhere, in-flight
     * actions given up to {@code grace} to finish, then event loops and threads shut down.
     *
     * @param grace how long to wait for in-flight work
     */
    public void stop(Duration grace) {
        if (listener != null) {
            listener.close().syncUninterruptibly();
        }
        context.connections().all().forEach(c -> c.close(WebSocketCloseStatus.SERVICE_RESTART.code(), "server restarting"));
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            // Clients answer the close frame and their connections go; a stuck one is dropped at the deadline.
            while (context.connections().count() > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            context.executor().shutdown();
            context.executor().awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int i = 0;
        for (EventExecutor loop : workers) {
            if (i < workerList.size()) {
                Worker worker = workerList.get(i++);
                loop.submit(() -> context.callbacks().onWorkerStop().accept(worker)).awaitUninterruptibly();
            }
        }
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("KaliSocket stopped");
    }
}
