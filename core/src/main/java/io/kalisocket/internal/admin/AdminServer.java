package io.kalisocket.internal.admin;

import io.kalisocket.config.AdminConfig;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.internal.server.NodeStatus;
import io.kalisocket.internal.tls.TlsContexts;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin endpoint's own small HTTP server: one event loop of its own, so a busy or draining WebSocket side
 * never delays {@code /health} or {@code /metrics}.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    /** Largest admin request accepted; admin requests have no body worth the name. */
    private static final int MAX_REQUEST_BYTES = 8 * 1024;
    /** Seconds an admin connection may stay silent. */
    private static final int READ_TIMEOUT_SECONDS = 30;

    private final EventLoopGroup group;
    private final Channel listener;
    private final String scheme;

    private AdminServer(EventLoopGroup group, Channel listener, String scheme) {
        this.group = group;
        this.listener = listener;
        this.scheme = scheme;
    }

    /**
     * Starts the admin endpoint of a server, as its configuration says ({@code admin.*}; TLS with the server's
     * certificate when {@code admin.tls}).
     *
     * @param config the server's configuration
     * @param server the node it reports on
     * @param sections extra sections of {@code /status}, by name
     * @param metrics what {@code /metrics} serves
     * @param stop what {@code POST /stop} runs
     * @return the running endpoint
     */
    public static AdminServer start(KaliConfig config, NodeStatus server, Map<String, Supplier<Object>> sections,
            KaliMetrics metrics, Runnable stop) {
        return start(config.admin(), config.admin().tls() ? TlsContexts.server(config.tls()) : null, server,
                new StatusReport(server, sections), metrics, stop);
    }

    /**
     * Binds the admin port.
     *
     * @param config the {@code admin} section
     * @param tls the TLS context when {@code admin.tls} is set, else null
     * @param server the WebSocket server it reports on
     * @param status the {@code /status} report
     * @param metrics the {@code /metrics} registry
     * @param stop what {@code POST /stop} runs (on a thread of its own)
     * @return the listening admin server
     * @throws IllegalStateException when the port cannot be bound
     */
    public static AdminServer start(AdminConfig config, SslContext tls, NodeStatus server, StatusReport status,
            KaliMetrics metrics, Runnable stop) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("kali-admin", true),
                NioIoHandler.newFactory());
        AdminHandler handler = new AdminHandler(server, status, metrics, config.token(), stop);
        try {
            Channel listener = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (tls != null) {
                                ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                            }
                            ch.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                            ch.pipeline().addLast(new HttpServerCodec());
                            ch.pipeline().addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES));
                            ch.pipeline().addLast(handler);
                        }
                    })
                    .bind(config.host(), config.port()).syncUninterruptibly().channel();
            AdminServer admin = new AdminServer(group, listener, tls != null ? "https" : "http");
            log.info("admin endpoint on {}://{}:{}/status (also /metrics, /health, /connections){}", admin.scheme,
                    config.host(), admin.port(), config.requiresToken() ? ", bearer token required" : "");
            return admin;
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("admin.port: cannot listen on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    /** @return the bound port (useful when configured with port 0) */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** @return {@code http} or {@code https} */
    public String scheme() {
        return scheme;
    }

    /** Stops listening and answering. */
    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
