package io.kalisocket.bench;

import io.netty.channel.DefaultSelectStrategyFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SelectStrategyFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * Netty transport choice shared by the load generator and the baseline server: native epoll
 * when it loads, NIO otherwise.
 *
 * @param epoll whether native epoll is used
 */
public record Transport(boolean epoll) {

    /**
     * The best transport on this machine.
     *
     * @return epoll when available, else NIO
     */
    public static Transport best() {
        return new Transport(Epoll.isAvailable());
    }

    /**
     * A new event loop group of this transport.
     *
     * @param threads number of event loops (0 = Netty's default)
     * @return the group; the caller shuts it down
     */
    public EventLoopGroup group(int threads) {
        return group(threads, false);
    }

    /**
     * A new event loop group of this transport, optionally spinning.
     *
     * <p>A spinning loop polls for I/O without blocking on every turn ({@code epoll_wait} with a zero timeout),
     * so its scheduled tasks run when due instead of when the kernel's timer wakes it: on this VM a 100 us park
     * wakes 0.1 ms late at p50 and up to 3.6 ms late, which an open-loop generator would charge to the server.
     * It costs a whole core per loop, so only for a load generator that has a core of its own.
     *
     * @param threads number of event loops (0 = Netty's default)
     * @param spin    true to poll without sleeping
     * @return the group; the caller shuts it down
     */
    public EventLoopGroup group(int threads, boolean spin) {
        SelectStrategyFactory strategy = spin ? () -> (poll, hasTasks) -> poll.get()
                : DefaultSelectStrategyFactory.INSTANCE;
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory(0, strategy)
                : NioIoHandler.newFactory(SelectorProvider.provider(), strategy);
        return new MultiThreadIoEventLoopGroup(threads, factory);
    }

    /**
     * The client socket channel class.
     *
     * @return the class for {@code Bootstrap.channel}
     */
    public Class<? extends SocketChannel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    /**
     * The server socket channel class.
     *
     * @return the class for {@code ServerBootstrap.channel}
     */
    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }
}
