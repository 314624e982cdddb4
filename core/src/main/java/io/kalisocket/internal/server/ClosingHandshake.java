package io.kalisocket.internal.server;

import io.kalisocket.KaliClock;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.FirstClose;
import io.kalisocket.internal.recovery.RecoveryHook;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * Ends the closing handshake the server started: when the client answers the server's close frame, the TCP
 * connection is closed at once. (Netty's protocol handler would answer the answer with a second close
 * frame, which RFC 6455 5.5.1 does not ask for.) A close the client starts passes on untouched, unless its
 * status code is above 4999: RFC 6455 7.4.2 defines none there and Netty's decoder lets them through, so such a
 * close is refused here with 1002, as the decoder refuses the undefined codes below 5000, and reported to the
 * lifecycle stage as the same protocol violation (counted and logged there).
 *
 * <p>It notes the first close frame that passes either way on the connection's socket side, for the connection log
 * ({@link FirstClose}), and tells connection recovery of a close that ends the socket for good (the client's with
 * 1000, 1001 or no code; the server's own, not its echo of the client's), so that the connection is finished rather
 * than parked as after a drop: no stage of its own for that on every connection.
 *
 * <p>It also bounds the handshake in time: every close frame the server sends passes here on its way out (the
 * connection's, a protocol violation's, the answer to a client's close), and {@link #TIMEOUT} later, on the
 * server's clock, the TCP connection is closed from here whether or not the client answered and whether or not
 * the frame could even be written (a client that stopped reading). This is the one close-handshake timer: Netty's
 * own ({@code forceCloseTimeoutMillis}) is off, and closing from this stage does not wait for it.
 *
 * <p>Not a stage of its own: the outbound guard, which sits on the same frames, calls it (one pipeline stage, 64
 * bytes, less for every connection). Made once per server; {@code ctx} is always the guard's.
 */
final class ClosingHandshake {

    /** How long a client has to answer the server's close frame before the TCP connection is dropped. */
    static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** The highest close status code RFC 6455 (7.4.2) defines. */
    private static final int MAX_CLOSE_CODE = 4999;

    private final KaliClock clock;
    private final RecoveryHook recovery;

    /**
     * @param clock the server's clock, which times the close handshake
     * @param recovery told of the close frames that end a socket for good ({@link RecoveryHook#off()} without recovery)
     */
    ClosingHandshake(KaliClock clock, RecoveryHook recovery) {
        this.clock = clock;
        this.recovery = recovery;
    }

    /**
     * A close frame the server sends, on its way out: noted, and the closing handshake's timer started.
     *
     * @param ctx the calling stage's context
     * @param close the frame
     */
    void sending(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        noteSending(ctx, close);
        startTimer(ctx);
    }

    /**
     * The server's answer to the client's close frame, on its way out: noted. Timed only once flushed, and only while
     * its write is pending ({@link #answerFlushed}).
     *
     * @param ctx the calling stage's context
     * @param answer the frame
     */
    void answering(ChannelHandlerContext ctx, CloseWebSocketFrame answer) {
        noteSending(ctx, answer);
    }

    /**
     * The answer to the client's close frame was flushed. Once it is written the connection closes at once, so a timer
     * would wait for nothing (a task scheduled and cancelled on every close a client starts); a client that stopped
     * reading leaves the write pending, and that is what the timer is for.
     *
     * @param ctx the calling stage's context
     * @param written the answer's write
     */
    void answerFlushed(ChannelHandlerContext ctx, ChannelFuture written) {
        if (!written.isDone()) {
            startTimer(ctx);
        }
    }

    private void noteSending(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        boolean echo = "client".equals(noteClose(ctx, close, "server").closedBy());
        if (!echo && ctx.channel().isActive()) {
            recovery.closingForGood(ctx.channel()); // the server's own close (an idle close still parks)
        }
    }

    private void startTimer(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            // Closed from this stage, so that no stage above it holds the close back. The timer
            // goes when the socket closes: thousands of closes a second must not leave their timers queued for 3 s.
            Future<?> timer = clock.schedule(ctx.executor(), () -> closeFlushed(ctx), TIMEOUT);
            ctx.channel().closeFuture().addListener(closed -> timer.cancel(false));
        }
    }

    /**
     * A close frame the client sent: noted; the answer to the server's close, or a refused status code, ends here.
     *
     * @param ctx the calling stage's context
     * @param close the frame
     * @return true when the frame was taken (released) here, false when it goes on up the pipeline
     */
    boolean received(ChannelHandlerContext ctx, CloseWebSocketFrame close) {
        noteClose(ctx, close, "client");
        int code = close.statusCode();
        if (code == 1000 || code == 1001 || code < 0) {
            recovery.closingForGood(ctx.channel()); // a client that means to go: not a drop
        }
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection != null && connection.socket().isClosing()) {
            ReferenceCountUtil.release(close);
            // The server's own close frame may still wait in a task on this event loop (ConnectionSocket.close
            // writes it from one): close after that task, or the client gets no close frame at all.
            ctx.executor().execute(() -> closeFlushed(ctx));
            return true;
        }
        if (code > MAX_CLOSE_CODE) {
            ReferenceCountUtil.release(close);
            // From the tail, so that the outbound guard sees the close frame and writes nothing after it.
            ctx.channel().writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.PROTOCOL_ERROR))
                    .addListener(ChannelFutureListener.CLOSE);
            ctx.fireExceptionCaught(new CorruptedWebSocketFrameException(WebSocketCloseStatus.PROTOCOL_ERROR,
                    "close status code " + code + " is above " + MAX_CLOSE_CODE));
            return true;
        }
        return false;
    }

    /**
     * Closes from the guard's own place: what waits in flush consolidation (the guard's, above this place) goes out
     * first, as the server's close frame may.
     */
    private static void closeFlushed(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.close();
    }

    /** @return the socket's first close frame either way, this one when it is the first */
    private static FirstClose noteClose(ChannelHandlerContext ctx, CloseWebSocketFrame close, String by) {
        ChannelConnection connection = ChannelConnection.of(ctx.channel());
        if (connection != null && connection.socket().channel() == ctx.channel()) {
            connection.socket().noteClose(close, by);
            return connection.socket().firstClose();
        }
        return FirstClose.NONE;
    }
}
