package io.kalisocket.internal.mvc;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ConnectionSocket;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.exec.SerialQueue;
import io.netty.channel.Channel;

/**
 * Writes a reply to a connection, waking its event loop once per batch of the connection's action queue.
 *
 * <p>A write that flushes from outside the event loop wakes the loop at once: a task and an {@code eventfd} write
 * per reply, and on a server with one core a switch to the loop while the action thread still has its batch to
 * finish. From a task of the connection's queue the reply is therefore encoded there, written without a flush
 * (Netty queues it on the loop without waking it) and the socket flushed once when the queue's batch ends
 * ({@link SerialQueue#atBatchEnd}): one wake-up for every reply of the batch, after the action thread's work.
 * Anywhere else (the event loop, an application thread) it is the socket's own reply.
 */
final class ReplyWriter {

    private final MessageEncoder encoder;

    /** @param encoder the sockets' encoder: replies come from the sockets' allocator either way */
    ReplyWriter(MessageEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * @param connection the recipient
     * @param reply      text, or an object to encode as JSON
     */
    void write(ChannelConnection connection, Object reply) {
        SerialQueue queue = connection.queue();
        Channel channel = connection.socket().channel();
        if (queue == null || !queue.runsHere() || channel.eventLoop().inEventLoop()) {
            connection.socket().reply(reply);
            return;
        }
        if (!channel.isActive()) {
            return;
        }
        // Behind, in the loop's task queue, every write made before it from any thread: the order is kept.
        channel.write(new ReplyFrame(encoder.encode(reply)), channel.voidPromise());
        if (!(queue.leftForBatchEnd() instanceof Flush flush && flush.socket() == connection.socket())) {
            queue.atBatchEnd(new Flush(connection.socket()));
        }
    }

    /**
     * The batch's one flush of a socket; from outside its loop, this is what wakes the loop. Below flush consolidation:
     * the batch is one write already, and consolidation would hold it for one more task on the loop.
     */
    private record Flush(ConnectionSocket socket) implements Runnable {
        @Override
        public void run() {
            socket.flushNow();
        }
    }
}
