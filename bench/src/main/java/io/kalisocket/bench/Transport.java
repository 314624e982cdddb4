package io.kalisocket.bench;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

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
        IoHandlerFactory factory = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
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
