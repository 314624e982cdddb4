package io.kalisocket.internal.admin;

import io.kalisocket.config.AdminConfig;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.server.Listener;
import io.kalisocket.internal.server.ListenerAddress;
import io.kalisocket.internal.server.NodeStatus;
import io.kalisocket.internal.tls.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint's own small HTTP server: one event loop of its own, so a busy or draining WebSocket side
 * never delays {@code /health} or {@code /metrics}. Bound with the server's other ports before anything else of
 * the server starts ({@link #bind}), and answering once the server it reports on exists ({@link #open}).
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    /** Largest admin request accepted; admin requests have no body worth the name. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024;
    /** Seconds an admin connection may stay silent. */
    private static final int READ_TIMEOUT_SECONDS = 30;

    private final AdminConfig config;
    private final EventLoopGroup group;
    private final Listener listener;
    private volatile String scheme = "http";

    private AdminServer(AdminConfig config, EventLoopGroup group, Listener listener) {
        this.config = config;
        this.group = group;
        this.listener = listener;
    }

    /**
     * Binds the admin port ({@code admin.host:admin.port}); it answers nothing until {@link #open}.
     *
     * @param config the {@code admin} section
     * @return the bound admin server
     * @throws io.kalisocket.StartupException when the port cannot be bound; nothing is left open then
     */
    public static AdminServer bind(AdminConfig config) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kali-admin", true),
                NioIoHandler.newFactory());
        try {
            Listener listener = Listener.bind(new ServerBootstrap().group(group).channel(NioServerSocketChannel.class),
                    new ListenerAddress("admin listener", config.host(), config.port(), "admin.port or --admin-port",
                            "admin.host"));
            return new AdminServer(config, group, listener);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        }
    }

    /**
     * Starts answering, as the configuration says (TLS with the server's certificate when {@code admin.tls}).
     *
     * @param kali the server's configuration
     * @param server the node it reports on
     * @param status what {@code /status} shows
     * @param metrics what {@code /metrics} serves
     * @param stop what {@code POST /stop} runs (on a thread of its own)
     */
    public void open(KaliConfig kali, NodeStatus server, StatusReport status, KaliMetrics metrics, Runnable stop) {
        SslContext tls = config.tls() ? TlsContexts.server(kali.tls()) : null;
        AdminHandler handler = new AdminHandler(server, status, metrics, config.token(), stop);
        listener.open(ch -> {
            if (tls != null) {
                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
            }
            ch.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS));
            ch.pipeline().addLast(new HttpServerCodec());
            ch.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
            ch.pipeline().addLast(handler);
        });
        scheme = tls != null ? "https" : "http";
        log.info("admin endpoint on {}://{}:{}/status (also /metrics, /health, /connections){}", scheme,
                config.host(), port(), config.requiresToken() ? ", bearer token required" : "");
    }

    /** @return the bound port (useful when configured with port 0) */
    public int port() {
        return listener.port();
    }

    /** @return {@code http} or {@code https} */
    public String scheme() {
        return scheme;
    }

    /** Stops listening and answering. */
    @Override
    public void close() {
        listener.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
