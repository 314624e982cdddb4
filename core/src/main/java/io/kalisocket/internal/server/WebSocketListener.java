package io.kalisocket.internal.server;

import io.kalisocket.config.KaliConfig;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelOption;
import io.netty.channel.WriteBufferWaterMark;

/**
 * The clients' port with its transport and event loops: the first thing a server makes, so that a port in use
 * fails the start before any pool, cluster link or {@code onWorkerStart} exists. Accepts nothing until the server
 * opens it ({@link Listener}).
 */
public final class WebSocketListener implements AutoCloseable {

    /**
     * The one allocator of every socket's buffers and of every message encoded for them (Netty's default, adaptive
     * since 4.2). One, not two: the frame encoder copies a small payload behind its header, and a payload from
     * another allocator's pool is copied through a {@code ByteBuffer} view made for each copy (two objects per
     * message, 10 % of default dispatch's allocation per call). Not set as a child option: it is every channel's
     * allocator already, and an option is applied again on every accepted socket.
     */
    static final ByteBufAllocator ALLOCATOR = ByteBufAllocator.DEFAULT;

    final ServerTransport transport;
    final EventLoops loops;
    final Listener listener;

    private WebSocketListener(ServerTransport transport, EventLoops loops, Listener listener) {
        this.transport = transport;
        this.loops = loops;
        this.listener = listener;
    }

    /**
     * Makes the event loops and binds {@code server.host:server.port}.
     *
     * @param config the configuration
     * @return the bound listener
     * @throws io.kalisocket.StartupException when the port cannot be bound; nothing is left open then
     */
    public static WebSocketListener bind(KaliConfig config) {
        ServerTransport transport = ServerTransport.choose(config.server().transport());
        EventLoops loops = EventLoops.of(transport, config.server().effectiveWorkerThreads());
        try {
            ServerBootstrap bootstrap = new ServerBootstrap()
                    .group(loops.boss(), loops.workers())
                    .channel(transport.serverChannel())
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .option(ChannelOption.SO_REUSEADDR, true)
                    // No TCP_NODELAY child option: Netty turns it on for every accepted socket already (on all but
                    // Android), and setting it again was a second setsockopt per connection.
                    // One allocator for every socket and one sizing handle per event loop: by default each socket
                    // would get an allocator (32 bytes) and a handle (112 bytes) of its own.
                    .childOption(ChannelOption.RCVBUF_ALLOCATOR, new LoopSharedRecvAllocator())
                    .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                            config.limits().outboundLowWaterMark(), config.limits().outboundHighWaterMark()));
            Listener listener = Listener.bind(bootstrap, new ListenerAddress("websocket listener",
                    config.server().host(), config.server().port(), "server.port or --port", "server.host or --host"));
            return new WebSocketListener(transport, loops, listener);
        } catch (RuntimeException e) {
            loops.shutdown();
            throw e;
        }
    }

    /** Releases the port and the event loops, for a start that failed before the server was made. */
    @Override
    public void close() {
        listener.close();
        loops.shutdown();
    }
}
