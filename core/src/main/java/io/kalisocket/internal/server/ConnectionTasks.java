package io.kalisocket.internal.server;

import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.Reply;
import io.kalisocket.internal.stats.Counter;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.mvc.ReplyCode;
import io.netty.channel.ChannelHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the message stages run what a message asks for, keeping each connection's answers in the order its
 * messages came: on the connection's action queue, or on the event loop when nothing of the connection is
 * waiting there. Shared by every stage of every connection.
 */
final class ConnectionTasks {

    private static final Logger log = LoggerFactory.getLogger(ConnectionTasks.class);

    private final ActionDispatcher dispatcher;
    private final ServerStats stats;

    ConnectionTasks(ActionDispatcher dispatcher, ServerStats stats) {
        this.dispatcher = dispatcher;
        this.stats = stats;
    }

    /**
     * Runs a cheap answer (an error reply, a close) at once when the connection never queued anything, on the loop
     * behind its tasks there when its action queue is idle, else behind what is queued.
     *
     * @param ctx the stage's context
     * @param connection the connection
     * @param answer what to do
     */
    void answer(ChannelHandlerContext ctx, ChannelConnection connection, Runnable answer) {
        if (connection.neverQueued()) {
            answer.run(); // nothing of the connection waits on the loop (see MessageHandler): no need to go behind it
        } else if (connection.queue().isIdle()) {
            onLoop(ctx, answer);
        } else {
            queue(connection, answer, null);
        }
    }

    /**
     * Answers a binary frame {@code 400}: the protocol is JSON text.
     *
     * @param ctx the stage's context
     * @param connection the sender
     */
    void refuseBinary(ChannelHandlerContext ctx, ChannelConnection connection) {
        answer(ctx, connection, () -> dispatcher.reply(connection, new Reply(null, null, ReplyCode.BAD_REQUEST,
                "binary messages are not supported; send JSON text", null, null)));
    }

    /**
     * Runs work on the event loop behind the tasks already queued there: an idle action queue may still have
     * its last reply waiting in the loop's task queue, and running now would overtake it.
     *
     * @param ctx the stage's context
     * @param work what to do
     */
    void onLoop(ChannelHandlerContext ctx, Runnable work) {
        ctx.executor().execute(work);
    }

    /**
     * Queues work on the connection's action queue; when the queue is full, answers {@code 503 server busy}.
     *
     * @param connection the connection
     * @param task the work
     * @param envelope the call the work is for (its ct, ac and msgid go into the 503), or null
     */
    void queue(ChannelConnection connection, Runnable task, Envelope envelope) {
        if (connection.queue().offer(task)) {
            return;
        }
        stats.count(Counter.QUEUE_FULL);
        log.debug("queue of {} is full; refusing a message", connection.id());
        Reply busy = envelope == null
                ? new Reply(null, null, ReplyCode.UNAVAILABLE, "server busy", null, null)
                : Reply.error(envelope, ReplyCode.UNAVAILABLE, "server busy");
        dispatcher.reply(connection, busy);
    }
}
