package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig.SlowConsumerPolicy;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.ReadThrottle;
import io.kalisocket.internal.connection.ReplyFrame;
import io.kalisocket.internal.connection.SharedFrameWriter;
import io.kalisocket.internal.connection.WireFrame;
import io.kalisocket.internal.stats.ServerStats;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;

/**
 * The connection's one outbound stage, the WebSocket encoder's too: frames leave it encoded, by one encoder the
 * server's guards share (Netty's, stateless on a server, which masks nothing), so the encoder is no stage of its own
 * (its context and handler were 88 bytes of every connection and a hop per write). Flush consolidation (Netty's {@link FlushConsolidationHandler}, whose stage
 * this is, so it costs no stage of its own): the flushes of one read, and those in a row outside reads, become one
 * write to the socket (at most 256 each).
 *
 * <p>Back-pressure per connection. While the outbound buffer is past its high water mark the server stops
 * reading from the client, so a client that sends faster than it reads is slowed down, not punished;
 * answers to what it already sent ({@link ReplyFrame}) still pass. Pushes meanwhile get the slow-consumer
 * policy: dropped and counted, or the connection closed with 1008. Control frames always pass.
 *
 * <p>It is also where broadcasts enter the socket ({@link SharedFrameWriter}). It sees every close frame the server
 * sends (its own and the answer to the client's) and lets no shared frame follow one.
 *
 * <p>A frame that breaks the protocol (Netty's decoder reports it and then discards what the client sends) is
 * answered here with a close frame carrying the decoder's status (1002, 1007, 1009). The protocol stage would close
 * the TCP connection right after it; that close is held back until the client closes its end or the closing
 * handshake's timer ends the connection, because closing while the client still sends makes the kernel answer with
 * a reset, which can destroy the close frame before the client reads it.
 *
 * <p>The close frames passing here both ways are the closing handshake's ({@link ClosingHandshake}): timed, noted for
 * the connection log, the client's answer to the server's close ending the connection.
 */
final class OutboundGuardHandler extends FlushConsolidationHandler implements SharedFrameWriter {

    /**
     * What every connection's guard shares, made once per server: one reference per connection, not three.
     *
     * @param slowConsumers what a push to a slow consumer gets
     * @param closingHandshake the server's closing handshake, for the close frames that pass here
     * @param frames encodes every frame written here (its {@code write} is given this stage's context)
     */
    record Rules(SlowConsumers slowConsumers, ClosingHandshake closingHandshake, WebSocket13FrameEncoder frames) {
    }

    private final Rules rules;
    private ChannelHandlerContext ctx;
    private boolean closing;
    /** The write of the first close frame the server sent; null until one passes. */
    private ChannelFuture closeSent;
    private boolean answeredViolation;
    /** The socket failed (a reset, a broken pipe): it is closed without a close frame, which it could not carry. */
    private boolean socketFailed;
    /** After the upgrade: what Netty's protocol stage would do is this stage's ({@link #upgraded}). */
    private boolean protocolStage;

    /**
     * @param policy what a push to a slow consumer gets
     * @param stats counts what passes and what is dropped
     * @param closingHandshake the server's closing handshake, for the close frames that pass here
     */
    OutboundGuardHandler(SlowConsumerPolicy policy, ServerStats stats, ClosingHandshake closingHandshake) {
        this(new Rules(new SlowConsumers(policy, stats), closingHandshake, new WebSocket13FrameEncoder(false)));
    }

    /** @param rules what the server's guards share */
    OutboundGuardHandler(Rules rules) {
        super(256, true);
        this.rules = rules;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        this.ctx = ctx;
    }

    /**
     * Called once the upgrade completed ({@link WebSocketUpgrade}, Netty's handshaker without Netty's protocol stage,
     * which would be a stage, its handler, a handshaker and a channel attribute per connection: about 160 bytes, and
     * a hop per message each way). From now on this stage does what that one would after the handshake: a ping is
     * answered with a pong, a pong is dropped, a client's close frame is echoed and the connection closed once it is
     * written, nothing is written after a close frame, a close without a close frame sends 1000 first, and a failure
     * closes.
     */
    void upgraded() {
        protocolStage = true;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (protocolStage && closeSent != null) {
            ReferenceCountUtil.release(msg);
            promise.setFailure(new ClosedChannelException());
            return;
        }
        if (msg instanceof CloseWebSocketFrame close) {
            ChannelPromise sent = promise.unvoid();
            closeSent = sent;
            rules.closingHandshake().sending(ctx, close);
            rules.frames().write(ctx, msg, sent);
            return;
        } else if (msg instanceof TextWebSocketFrame && ctx.channel().isActive()) {
            // (A closed channel is not writable either: that is no slow consumer, and the write fails on its own.)
            if (!admit(msg instanceof ReplyFrame)) {
                ReferenceCountUtil.release(msg);
                promise.trySuccess();
                return;
            }
            ChannelConnection connection = ChannelConnection.of(ctx.channel());
            if (connection != null) {
                connection.socket().countOut();
            }
        }
        rules.frames().write(ctx, msg, promise); // a frame encoded, anything else (HTTP, a shared frame) as it is
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof CloseWebSocketFrame close) {
            if (rules.closingHandshake().received(ctx, close)) {
                return;
            }
            if (protocolStage) {
                answerClose(ctx, close);
                return;
            }
        } else if (protocolStage && msg instanceof PingWebSocketFrame ping) {
            rules.frames().write(ctx, new PongWebSocketFrame(ping.content()), ctx.newPromise()); // takes its buffer
            ctx.flush();
            readIfNeeded(ctx);
            return;
        } else if (protocolStage && msg instanceof PongWebSocketFrame pong) {
            pong.release();
            readIfNeeded(ctx);
            return;
        }
        if (protocolStage) {
            super.channelRead(ctx, msg); // a read in progress: its flushes wait for its end
        } else {
            // Before the upgrade a stage below may pass a request on outside any read (after an upgrade check that ran
            // off the loop): no read would end to flush what it answers.
            ctx.fireChannelRead(msg);
        }
    }

    /** The client started the closing handshake: its frame goes back, then the connection closes (RFC 6455 5.5.1). */
    private void answerClose(ChannelHandlerContext ctx, CloseWebSocketFrame close) throws Exception {
        if (closeSent != null) {
            close.release(); // the server's close is on its way already; its timer ends the connection
            return;
        }
        ChannelPromise sent = ctx.newPromise();
        closeSent = sent;
        rules.closingHandshake().answering(ctx, close);
        rules.frames().write(ctx, close, sent);
        ctx.flush();
        rules.closingHandshake().answerFlushed(ctx, sent);
        sent.addListener(ChannelFutureListener.CLOSE);
    }

    private static void readIfNeeded(ChannelHandlerContext ctx) {
        if (!ctx.channel().config().isAutoRead()) {
            ctx.read();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) throws Exception {
        if (cause instanceof IOException) {
            // A dropped socket, not a close: connection recovery parks its connection (no close frame tells it to end).
            socketFailed = true;
        }
        if (cause instanceof CorruptedWebSocketFrameException violation && closeSent == null
                && ctx.channel().isActive()) {
            answeredViolation = true;
            WebSocketCloseStatus status = violation.closeStatus() == null ? WebSocketCloseStatus.PROTOCOL_ERROR
                    : violation.closeStatus();
            // From the tail, so this stage and the closing-handshake timer see it. Then our end of
            // the TCP connection is shut: the client sees the end and closes its own, no reset.
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(status.code(), status.reasonText()))
                    .addListener(written -> {
                        if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
                            duplex.shutdownOutput();
                        }
                    });
        }
        // Not flush consolidation's own handling, which flushes first: the failure is handled (counted, onError)
        // before the answer above leaves, as it was when consolidation sat at the bottom. What waits goes out at the
        // read's end, with the consolidation's task, or at the close below.
        ctx.fireExceptionCaught(cause);
        if (protocolStage) {
            close(ctx, ctx.newPromise()); // as Netty's protocol stage did: whatever failed, the connection ends
        }
    }

    /**
     * A violation found above this stage (a whole text message that is not UTF-8): answered as the decoder's are.
     *
     * @param violation what the client broke
     */
    void violated(CorruptedWebSocketFrameException violation) {
        try {
            exceptionCaught(ctx, violation);
        } catch (Exception e) {
            ctx.fireExceptionCaught(e);
        }
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        if (answeredViolation && ctx.channel().isActive()) {
            ctx.channel().closeFuture().addListener(closed -> promise.trySuccess());
            return;
        }
        if (protocolStage && ctx.channel().isActive() && !socketFailed) {
            if (closeSent == null) { // a close without a close frame: the client gets 1000 first
                write(ctx, new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE), ctx.newPromise());
                ctx.flush();
            }
            closeSent.addListener(written -> super.close(ctx, promise));
            return;
        }
        super.close(ctx, promise);
    }

    @Override
    public boolean writeShared(WireFrame frame) {
        // After a close frame a push is not dropped as a slow consumer's would be (not counted): the socket is
        // ending, as a send to a closed connection returns false. The caller counts the connection's message.
        if (closeSent != null || !ctx.channel().isActive() || !admit(false)) {
            return false;
        }
        // Already framed: written as it is (past no encoder), and not held by flush consolidation.
        ctx.write(frame.content().retainedDuplicate(), ctx.voidPromise());
        return true;
    }

    @Override
    public void flushNow() {
        ctx.flush();
    }

    /** @return true when a message may be written now; else the slow-consumer policy applied ({@link SlowConsumers}) */
    private boolean admit(boolean answer) {
        if (closing) {
            return false;
        }
        SlowConsumers.Verdict verdict = rules.slowConsumers().admit(ctx.channel(), answer);
        closing = verdict == SlowConsumers.Verdict.CLOSE;
        return verdict == SlowConsumers.Verdict.WRITE;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection != null) {
            if (ctx.channel().isWritable()) {
                connection.socket().resumeReading(ReadThrottle.Reason.OUTBOUND);
            } else {
                connection.socket().pauseReading(ReadThrottle.Reason.OUTBOUND);
            }
        }
        super.channelWritabilityChanged(ctx); // an unwritable channel flushes what consolidation holds
    }
}
