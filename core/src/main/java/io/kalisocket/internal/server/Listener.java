package io.kalisocket.internal.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * A listening socket that is bound first and accepts later. Binding every port of a server before anything else
 * of it starts lets a port in use fail the start with nothing else opened; until {@link #open} the kernel queues
 * incoming connections in the backlog, so a client that connects early waits instead of being refused.
 */
public final class Listener {

    private final Channel channel;
    private final Deferred children;

    private Listener(Channel channel, Deferred children) {
        this.channel = channel;
        this.children = children;
    }

    /**
     * Binds a port without accepting on it.
     *
     * @param bootstrap the server's bootstrap: group, channel and options set, no child handler yet
     * @param address where to bind and what to say when it cannot
     * @return the bound listener
     * @throws io.kalisocket.StartupException when the port cannot be bound (its channel is closed by then)
     */
    public static Listener bind(ServerBootstrap bootstrap, ListenerAddress address) {
        Deferred children = new Deferred();
        ChannelFuture bound = bootstrap.option(ChannelOption.AUTO_READ, false).childHandler(children)
                .bind(address.host(), address.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            bound.channel().close().awaitUninterruptibly();
            throw address.failure(bound.cause());
        }
        return new Listener(bound.channel(), children);
    }

    /**
     * Starts accepting: each accepted connection is set up, beginning with those waiting in the backlog.
     *
     * @param setup sets up an accepted connection's pipeline, on its event loop once it is registered; called
     *     directly by the one initializer the listener was bound with (not a second initializer added and removed
     *     per connection)
     */
    public void open(Consumer<Channel> setup) {
        children.target = setup;
        channel.config().setAutoRead(true);
    }

    /** @return the bound port (the one picked when configured with port 0) */
    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** @return true while the socket is bound */
    public boolean isActive() {
        return channel.isActive();
    }

    /** Stops listening; connections already accepted stay open. */
    public void close() {
        channel.close().syncUninterruptibly();
    }

    /** The child handler given to the bootstrap at bind time; hands each connection to the setup {@link #open} set. */
    @ChannelHandler.Sharable
    private static final class Deferred extends ChannelInitializer<Channel> {

        private volatile Consumer<Channel> target;

        @Override
        protected void initChannel(Channel ch) {
            target.accept(ch);
        }
    }
}
