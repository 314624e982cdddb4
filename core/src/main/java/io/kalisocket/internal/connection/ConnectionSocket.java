package io.kalisocket.internal.connection;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOutboundInvoker;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The socket side of a connection: the channel it is on, everything written to it, its closing handshake and its
 * traffic counters. Every message to the client leaves through here: {@link #reply} for answers to what the client
 * sent (never dropped), {@link #sendFrame} for pushes, {@link #writeShared} for a broadcast's shared frame. A
 * recoverable connection has a {@link RecoverableSocket} instead, whose pushes go to its outbox: a server without
 * recovery pays nothing for it, neither a field nor a check per push.
 */
public class ConnectionSocket {

    private final MessageEncoder encoder;
    private volatile Channel channel;
    /**
     * Where writes enter the pipeline: the lifecycle stage's context, below which only inbound stages sit, so a reply
     * does not walk past every message stage on its way out (the channel itself when there is no such stage).
     */
    private volatile ChannelOutboundInvoker out;
    /** The channel's outbound guard, where shared frames enter: given with the channel, never looked up. */
    private volatile SharedFrameWriter writer;
    /** Pauses reading while the connection holds too much (the server's; each channel keeps its own pauses). */
    private final ReadThrottle reads;
    private volatile boolean closing;
    /** The first close frame sent or received; null until one passes. */
    private FirstClose firstClose;
    private long messagesIn;
    private long messagesOut;

    /**
     * @param channel the accepted socket
     * @param out where writes enter its pipeline: a stage's context with no outbound stage below it, or the channel
     * @param writer where shared frames enter that socket, or null for a pipeline without one
     * @param encoder encodes what {@link #send} and {@link #reply} are given
     * @param reads the server's read throttle, which pauses reading from the socket
     */
    public ConnectionSocket(Channel channel, ChannelOutboundInvoker out, SharedFrameWriter writer,
            MessageEncoder encoder, ReadThrottle reads) {
        this.channel = channel;
        this.out = out;
        this.writer = writer;
        this.encoder = encoder;
        this.reads = reads;
    }

    /** @param taken a plain socket side whose channel, guard and counters a recoverable one takes over */
    ConnectionSocket(ConnectionSocket taken) {
        this(taken.channel, taken.out, taken.writer, taken.encoder, taken.reads);
        this.messagesIn = taken.messagesIn;
        this.messagesOut = taken.messagesOut;
    }

    /** @return the Netty channel: the latest socket of this connection */
    public Channel channel() {
        return channel;
    }

    /** @param returned the socket side of the channel this one moves to (see {@link RecoverableSocket#moveTo}) */
    void takeChannelOf(ConnectionSocket returned) {
        this.writer = returned.writer;
        this.out = returned.out;
        this.channel = returned.channel; // whose reading nothing holds: its pauses are its own
    }

    /** @param reason stops reading from the socket for this reason until {@link #resumeReading} for it */
    public void pauseReading(ReadThrottle.Reason reason) {
        reads.pause(channel, reason);
    }

    /** @param reason no longer a reason to stop reading from the socket; it reads when no other holds */
    public void resumeReading(ReadThrottle.Reason reason) {
        reads.resume(channel, reason);
    }

    /** @return true while the socket is open */
    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * @param message a push: text as it is, anything else as JSON
     * @return true when handed to the socket (or a recoverable connection's outbox)
     */
    public boolean send(Object message) {
        return isOpen() && sendFrame(encoder.encode(message));
    }

    /**
     * Sends an answer to something the client sent (reply, receipt): never dropped by the slow-consumer
     * policy, since reading pauses while the outbound buffer is full.
     *
     * @param answer text, or an object to encode as JSON
     * @return false when the connection is closed
     */
    public boolean reply(Object answer) {
        Channel ch = channel;
        if (!ch.isActive()) {
            return false;
        }
        out.writeAndFlush(new ReplyFrame(encoder.encode(answer)), ch.voidPromise());
        return true;
    }

    /**
     * Sends an already encoded push; the buffer's ownership passes to this call.
     *
     * @param content UTF-8 text (released here in every case)
     * @return false when the connection is closed
     */
    public boolean sendFrame(ByteBuf content) {
        Channel ch = channel;
        if (!ch.isActive()) {
            content.release();
            return false;
        }
        out.writeAndFlush(new TextWebSocketFrame(content), ch.voidPromise());
        return true;
    }

    /**
     * Writes a broadcast's shared frame without flushing; call only on the event loop, then {@link #flushNow}.
     *
     * @param frame the framed message (not released here: each call writes a duplicate)
     */
    public void writeShared(WireFrame frame) {
        SharedFrameWriter w = writer;
        if (w != null) {
            if (w.writeShared(frame)) {
                messagesOut++;
            }
        } else if (channel.isActive()) {
            // No such stage (a pipeline of one's own): the bytes pass the WebSocket encoder untouched.
            channel.write(frame.content().retainedDuplicate(), channel.voidPromise());
        }
    }

    /**
     * Flushes what was written, at once (see {@link SharedFrameWriter#flushNow}): for writes that are a batch already
     * (a broadcast's, an action queue's replies). From outside the event loop it is one task there, behind the writes.
     */
    public void flushNow() {
        SharedFrameWriter w = writer;
        if (w != null) {
            w.flushNow();
        } else {
            channel.flush();
        }
    }

    /**
     * Starts the closing handshake: the close frame goes behind the writes already waiting in the event loop's
     * task queue (replies of finished actions), never before. From then on what the client sends is ignored.
     *
     * @param code the close code
     * @param reason a short reason
     */
    public void close(int code, String reason) {
        Channel ch = channel;
        if (ch.isActive() && !closing) {
            closing = true;
            // The client answers and then the TCP connection ends. Until then the socket is still read, so closing
            // never meets unread data, which would reset the connection and lose what was sent before the close
            // frame. A client that never answers is dropped by the outbound guard (its ClosingHandshake, on the server's
            // clock).
            ChannelOutboundInvoker o = out;
            ch.eventLoop().execute(() -> o.writeAndFlush(new CloseWebSocketFrame(code, reason)));
        }
    }

    /**
     * @return true once the server sent its close frame: what the client sends from then on is not run and not
     *     acknowledged (a client resends it on its next connection)
     */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Notes a close frame that passed, if it is the first; call on the event loop only.
     *
     * @param frame the close frame
     * @param by {@code client} or {@code server}
     */
    public void noteClose(CloseWebSocketFrame frame, String by) {
        if (firstClose == null) {
            firstClose = FirstClose.of(frame, by);
        }
    }

    /** @return the first close frame sent or received, {@link FirstClose#NONE} when none was */
    public FirstClose firstClose() {
        FirstClose seen = firstClose;
        return seen == null ? FirstClose.NONE : seen;
    }

    /** Counts a message received; call on the event loop only. */
    public void countIn() {
        messagesIn++;
    }

    /** Counts a message sent; call on the event loop only. */
    public void countOut() {
        messagesOut++;
    }

    /** @return messages received so far */
    public long messagesIn() {
        return messagesIn;
    }

    /** @return messages sent so far */
    public long messagesOut() {
        return messagesOut;
    }
}
