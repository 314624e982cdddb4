package io.kalisocket.bench.load;

import io.kalisocket.bench.Loopback;
import io.kalisocket.bench.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Many WebSocket client connections on few event loops, to one loopback target.
 *
 * <p>Every connection attempt has a deadline (the handshake timeout), and {@link #close()}
 * closes all connections and stops the event loops, so nothing outlives a run.
 */
public final class LoadClient implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;
    private static final int CONNECTS_IN_FLIGHT = 256;

    private final URI target;
    private final InetAddress address;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Duration handshakeTimeout;

    /**
     * A client for one target.
     *
     * @param target           {@code ws://} loopback URI (anything else is refused)
     * @param threads          event loops (1 is plenty for one load core)
     * @param handshakeTimeout deadline of each connect + upgrade
     */
    public LoadClient(URI target, int threads, Duration handshakeTimeout) {
        this(target, threads, handshakeTimeout, false);
    }

    /**
     * A client for one target whose event loops may poll without ever sleeping.
     *
     * @param target           {@code ws://} loopback URI (anything else is refused)
     * @param threads          event loops
     * @param handshakeTimeout deadline of each connect + upgrade
     * @param spin             true: the loops poll for I/O without blocking and run their timers on time, at
     *                         the price of a whole core each (see {@link Transport#group(int, boolean)})
     */
    public LoadClient(URI target, int threads, Duration handshakeTimeout, boolean spin) {
        this.target = Loopback.require(target);
        this.address = Loopback.address(target);
        this.handshakeTimeout = handshakeTimeout;
        Transport transport = Transport.best();
        this.group = transport.group(threads, spin);
        this.bootstrap = new Bootstrap().group(group).channel(transport.socketChannel())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) handshakeTimeout.toMillis());
    }

    /**
     * Starts one connection; the returned future completes when the upgrade is done.
     *
     * @param listener receives the connection's events
     * @return success after the handshake, failure on refusal, reset or timeout
     */
    public ChannelFuture open(FrameListener listener) {
        return open(target, listener);
    }

    /**
     * Starts one connection to another path or query of the same server, e.g. {@code /?resume=...}.
     *
     * @param uri      the target with its own path and query; host and port must be this client's
     * @param listener receives the connection's events
     * @return success after the handshake, failure on refusal, reset or timeout
     * @throws IllegalArgumentException if the host or port differ
     */
    public ChannelFuture open(URI uri, FrameListener listener) {
        if (!uri.getHost().equals(target.getHost()) || uri.getPort() != target.getPort()) {
            throw new IllegalArgumentException(uri + " is not on " + target);
        }
        Bootstrap b = bootstrap.clone();
        ChannelPromise[] opened = new ChannelPromise[1];
        b.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                opened[0] = ch.newPromise();
                WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                        .webSocketUri(uri).maxFramePayloadLength(MAX_FRAME)
                        .handshakeTimeoutMillis(handshakeTimeout.toMillis()).dropPongFrames(true).build();
                ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536),
                        new WebSocketClientProtocolHandler(config), new WsClientHandler(listener, opened[0]));
            }
        });
        ChannelFuture connect = b.connect(address, target.getPort());
        Channel ch = connect.channel();
        ChannelPromise result = ch.newPromise();
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                result.tryFailure(f.cause());
            } else {
                opened[0].addListener(o -> {
                    if (o.isSuccess()) {
                        result.trySuccess();
                    } else {
                        result.tryFailure(o.cause());
                    }
                });
            }
        });
        return result;
    }

    /**
     * Opens {@code count} connections, at most 256 handshakes at a time, and waits for all.
     *
     * @param count    how many
     * @param listener the listener of connection {@code i}
     * @param deadline the most to wait in total
     * @return the open connections (fewer than {@code count} if some failed or time ran out; one that
     *     opens after the deadline is closed at once, so nothing is left open unseen)
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Channel> openAll(int count, IntFunction<FrameListener> listener, Duration deadline)
            throws InterruptedException {
        return openAll(count, listener, i -> target, deadline);
    }

    /**
     * Opens {@code count} connections, each to its own path or query, as {@link #openAll(int, IntFunction, Duration)}.
     *
     * @param count    how many
     * @param listener the listener of connection {@code i}
     * @param uri      the target of connection {@code i} (this client's host and port)
     * @param deadline the most to wait in total
     * @return the open connections
     * @throws InterruptedException if interrupted while waiting
     */
    public List<Channel> openAll(int count, IntFunction<FrameListener> listener, IntFunction<URI> uri, Duration deadline)
            throws InterruptedException {
        Semaphore slots = new Semaphore(CONNECTS_IN_FLIGHT);
        List<Channel> open = new ArrayList<>(count);
        boolean[] late = new boolean[1]; // guarded by open: after the deadline, successes are closed, not kept
        long end = System.nanoTime() + deadline.toNanos();
        for (int i = 0; i < count; i++) {
            if (!slots.tryAcquire(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            open(uri.apply(i), listener.apply(i)).addListener((ChannelFuture f) -> {
                if (f.isSuccess()) {
                    synchronized (open) {
                        if (late[0]) {
                            f.channel().close();
                        } else {
                            open.add(f.channel());
                        }
                    }
                }
                slots.release();
            });
        }
        slots.tryAcquire(CONNECTS_IN_FLIGHT, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        synchronized (open) {
            late[0] = true;
            return new ArrayList<>(open);
        }
    }

    /**
     * Kills the given connections as a network blip would: the TCP connection is closed without a
     * WebSocket close frame (the close starts below the WebSocket handler, which would send one),
     * then waits (bounded) for them to go.
     *
     * @param channels connections opened by this client
     * @param deadline the most to wait
     */
    public static void dropAll(List<Channel> channels, Duration deadline) {
        awaitAll(channels.stream().map(ch -> ch.pipeline().firstContext().close()).toList(), deadline);
    }

    /**
     * Closes the given connections and waits (bounded) for them to go.
     *
     * @param channels connections opened by this client
     * @param deadline the most to wait
     */
    public static void closeAll(List<Channel> channels, Duration deadline) {
        List<ChannelFuture> closing = new ArrayList<>(channels.size());
        for (Channel ch : channels) {
            closing.add(ch.close());
        }
        awaitAll(closing, deadline);
    }

    private static void awaitAll(List<ChannelFuture> closing, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        for (ChannelFuture f : closing) {
            if (!f.awaitUninterruptibly(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                return;
            }
        }
    }

    /** Stops the event loops (closing every connection still open), waiting at most 5 seconds. */
    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
