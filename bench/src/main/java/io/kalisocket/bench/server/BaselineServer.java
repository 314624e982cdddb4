package io.kalisocket.bench.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.bench.Transport;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The floor: a bare Netty + Jackson WebSocket server doing the envelope echo naively
 * (see {@link BaselineFrameHandler}), bound to loopback.
 */
public final class BaselineServer implements RunningBenchServer {

    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Channel server;

    private BaselineServer(EventLoopGroup boss, EventLoopGroup workers, Channel server) {
        this.boss = boss;
        this.workers = workers;
        this.server = server;
    }

    /**
     * Starts the server on 127.0.0.1.
     *
     * @param port    port, 0 for any free one
     * @param threads worker event loops, 0 for one per available core
     * @return the running server
     * @throws InterruptedException if interrupted while binding
     */
    public static BaselineServer start(int port, int threads) throws InterruptedException {
        return start(port, threads, new ArrivalProbe());
    }

    /**
     * Starts the server on 127.0.0.1, telling its echo's arrivals to a probe.
     *
     * @param port     port, 0 for any free one
     * @param threads  worker event loops, 0 for one per available core
     * @param arrivals where the echo's arrivals are recorded
     * @return the running server
     * @throws InterruptedException if interrupted while binding
     */
    public static BaselineServer start(int port, int threads, ArrivalProbe arrivals) throws InterruptedException {
        Transport transport = Transport.best();
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        EventLoopGroup boss = transport.group(1);
        EventLoopGroup workers = transport.group(n);
        ObjectMapper json = new ObjectMapper();
        Map<String, ChannelGroup> groups = new ConcurrentHashMap<>();
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(65536).build();
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(65536),
                                new WebSocketServerProtocolHandler(ws),
                                new BaselineFrameHandler(json, groups, arrivals));
                    }
                });
        try {
            Channel server = b.bind(InetAddress.getLoopbackAddress(), port).sync().channel();
            return new BaselineServer(boss, workers, server);
        } catch (RuntimeException | InterruptedException e) {
            boss.shutdownGracefully();
            workers.shutdownGracefully();
            throw e;
        }
    }

    @Override
    public int port() {
        return ((java.net.InetSocketAddress) server.localAddress()).getPort();
    }

    /** Closes the listener and every connection, waiting at most a few seconds. */
    @Override
    public void close() {
        server.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
