package io.kalisocket.internal.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.nio.charset.StandardCharsets;

/**
 * Completes an upgrade request that passed every check ({@link HttpRequestHandler}) with Netty's handshaker, as
 * Netty's {@code WebSocketServerProtocolHandler} does, answering as it does: 403 to an upgrade that is no GET, 426
 * with the supported version to an unknown one, 400 with the handshaker's reason to a malformed one. Not that
 * stage itself: it would add and remove two stages, schedule and cancel a handshake timer and set a channel
 * attribute on every handshake, while the lifecycle stage times the handshake already and the outbound guard does
 * what the protocol stage did after it. One per server.
 */
final class WebSocketUpgrade {

    /**
     * Told to the stages above the HTTP one once the 101 answer is written to the pipeline (flushed with what they
     * write next): the socket speaks WebSocket from now.
     */
    static final Object COMPLETED = new Object() {
        @Override
        public String toString() {
            return "WebSocket upgrade completed";
        }
    };

    private final String scheme;
    private final String path;
    private final WebSocketDecoderConfig decoderConfig;

    /**
     * @param tls true when the listener speaks TLS ({@code wss://})
     * @param path the WebSocket path
     * @param decoderConfig what the frame decoder accepts
     */
    WebSocketUpgrade(boolean tls, String path, WebSocketDecoderConfig decoderConfig) {
        this.scheme = tls ? "wss://" : "ws://";
        this.path = path;
        this.decoderConfig = decoderConfig;
    }

    /**
     * Answers the upgrade (releases the request): on success the HTTP codec is replaced by the WebSocket decoder (the
     * outbound guard encodes) and
     * {@link #COMPLETED} goes up the pipeline from {@code ctx}.
     *
     * @param ctx the HTTP stage's context
     * @param request an upgrade request that passed the server's checks
     */
    void complete(ChannelHandlerContext ctx, FullHttpRequest request) {
        try {
            if (request.method() != HttpMethod.GET) {
                answerAndClose(ctx, HttpResponseStatus.FORBIDDEN, "");
                return;
            }
            String location = scheme + request.headers().get(HttpHeaderNames.HOST) + path;
            WebSocketServerHandshaker handshaker =
                    new WebSocketServerHandshakerFactory(location, null, decoderConfig).newHandshaker(request);
            if (handshaker == null) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            ChannelFuture answered = handshaker.handshake(ctx.channel(), request);
            if (answered.isDone() && !answered.isSuccess()) {
                ctx.fireExceptionCaught(answered.cause());
                return;
            }
            leaveFramesToTheGuard(ctx.pipeline());
            // Told now, not once the 101 answer is on the wire: the answer's flush waits in the outbound guard's flush
            // consolidation until this event loop is done with the read, so what the stages above write on the
            // upgrade (a connect action's welcome push, recovery's frame) leaves in the same write to the socket.
            ctx.fireUserEventTriggered(COMPLETED);
            answered.addListener(written -> {
                if (!written.isSuccess()) {
                    ctx.fireExceptionCaught(written.cause());
                }
            });
        } catch (WebSocketHandshakeException malformed) {
            answerAndClose(ctx, HttpResponseStatus.BAD_REQUEST, malformed.getMessage());
        } finally {
            request.release();
        }
    }

    /**
     * The handshaker added its frame encoder below the HTTP codec; the outbound guard encodes instead, so the encoder
     * goes (its context and handler: 88 bytes of every connection). The codec itself stays until the 101 answer is
     * flushed (the handshaker removes it then, by name), but it would take the guard's encoded frames for a response
     * body: a stage that passes everything takes its place and name now. The answer is past both already: it was
     * written, in this call on the event loop, to the socket's outbound buffer.
     */
    private static void leaveFramesToTheGuard(ChannelPipeline pipeline) {
        ChannelHandler encoder = pipeline.get(WebSocketFrameEncoder.class);
        if (encoder != null) {
            pipeline.remove(encoder);
        }
        ChannelHandlerContext codec = pipeline.context(HttpServerCodec.class);
        if (codec != null) {
            pipeline.replace(codec.handler(), codec.name(), PassingThrough.INSTANCE);
        }
    }

    /** Passes everything, both ways: the HTTP codec's stand-in until the handshaker removes it. */
    @ChannelHandler.Sharable
    private static final class PassingThrough extends ChannelDuplexHandler {
        static final PassingThrough INSTANCE = new PassingThrough();
    }

    private static void answerAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(reason == null ? "" : reason, StandardCharsets.UTF_8));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
