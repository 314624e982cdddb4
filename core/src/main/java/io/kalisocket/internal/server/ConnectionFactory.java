package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ClientIdGenerator;
import io.kalisocket.internal.connection.ConnectionSocket;
import io.kalisocket.internal.connection.ReadThrottle;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.connection.SharedFrameWriter;
import io.kalisocket.internal.exec.NodeBacklog;
import io.kalisocket.internal.exec.SerialQueue;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

/** Makes the connection of each accepted socket: a new client id, the socket's IP, its own action queue. */
final class ConnectionFactory {

    private final ClientIdGenerator ids;
    private final MessageEncoder encoder;
    private final KaliClock clock;
    /** Counts a pause of a socket's reading: one for every connection, not a lambda each. */
    private final ReadThrottle reads;
    /** Makes a connection's action queue when it first needs one. */
    private final ChannelConnection.QueueMaker newQueue;

    /**
     * @param ids makes client ids
     * @param encoder encodes what the connection sends
     * @param executor where its actions run
     * @param maxQueued how many of its actions may wait before it stops reading
     *     ({@code limits.max-queued-per-connection})
     * @param backlog the node's count of waiting actions ({@code execution.max-queued-total})
     * @param clock stamps when it was accepted
     * @param stats counts the pauses of its reading
     */
    ConnectionFactory(ClientIdGenerator ids, MessageEncoder encoder, Executor executor, int maxQueued,
            NodeBacklog backlog, KaliClock clock, ServerStats stats) {
        this.ids = ids;
        this.encoder = encoder;
        this.clock = clock;
        this.reads = new ReadThrottle(() -> stats.count(Counter.READS_PAUSED));
        this.newQueue = backpressure -> new SerialQueue(executor, maxQueued, backpressure, backlog);
    }

    /**
     * @param stage the context of the stage that makes it: writes enter the pipeline there (only inbound stages
     *     sit below it)
     * @param writer where broadcasts enter that socket (its outbound guard)
     * @return its connection (the stage carries it: {@link io.kalisocket.internal.connection.ConnectionCarrier})
     */
    ChannelConnection open(ChannelHandlerContext stage, SharedFrameWriter writer) {
        Channel channel = stage.channel();
        String socketIp = ((InetSocketAddress) channel.remoteAddress()).getAddress().getHostAddress();
        ConnectionSocket socket = new ConnectionSocket(channel, stage, writer, encoder, reads);
        return new ChannelConnection(ids.next(), socketIp, socket, newQueue, clock.millis());
    }

    /** @return this node's id */
    String nodeId() {
        return ids.nodeId();
    }
}
