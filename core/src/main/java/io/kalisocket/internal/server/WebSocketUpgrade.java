package io.kalisocket.internal.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker13;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.nio.charset.StandardCharsets;

/**
 * Completes an upgrade request that passed every check ({@link HttpRequestHandler}), answering as Netty's
 * {@code WebSocketServerProtocolHandler} does: 403 to an upgrade that is no GET, 426 naming version 13 to any other
 * version, 400 with the handshaker's reason to a malformed one, 101 with the answer of Netty's RFC 6455 handshaker.
 *
 * <p>Netty's handshaker is asked for its answer only, not to change the pipeline: it would add an encoder and a
 * decoder stage, remove the aggregator, and remove the HTTP codec once the answer is flushed. Here the HTTP codec is
 * replaced by the frame decoder as soon as the answer has passed it (it is written in this call, on the event loop),
 * and there is no encoder stage: the outbound guard encodes (its context and handler were 88 bytes of every
 * connection). Two changes of the pipeline per handshake instead of four, and no handshaker per handshake. Only
 * RFC 6455's version 13 is spoken (Netty also accepts the 2011 drafts 7 and 8 and hixie-76, which no browser sends).
 * One per server.
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

    private final Answers answers;
    private final WebSocketDecoderConfig decoderConfig;

    /** @param decoderConfig what the frame decoder accepts */
    WebSocketUpgrade(WebSocketDecoderConfig decoderConfig) {
        this.answers = new Answers(decoderConfig);
        this.decoderConfig = decoderConfig;
    }

    /**
     * Answers the upgrade (releases the request): on success the HTTP codec is replaced by the WebSocket decoder (the
     * outbound guard encodes) and {@link #COMPLETED} goes up the pipeline from {@code ctx}. Call on the channel's event
     * loop: the answer must have passed the HTTP codec when the codec is replaced.
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
            if (!WebSocketVersion.V13.toHttpHeaderValue().equals(
                    request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_VERSION))) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                return;
            }
            FullHttpResponse answer = answers.to(request);
            ChannelPipeline pipeline = ctx.pipeline();
            pipeline.remove(HttpObjectAggregator.class);
            // From the tail: the answer's flush waits in the outbound guard's flush consolidation until this event
            // loop is done with the read, so what the stages above write on the upgrade (a connect action's welcome
            // push, recovery's frame) leaves in the same write to the socket. It passes the HTTP codec here and now.
            ChannelFuture answered = ctx.channel().writeAndFlush(answer);
            if (answered.isDone() && !answered.isSuccess()) {
                ctx.fireExceptionCaught(answered.cause());
                return;
            }
            pipeline.replace(HttpServerCodec.class, "ws-decoder", new PausableFrameDecoder(decoderConfig));
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

    /** Netty's RFC 6455 handshaker, asked for its answer only; the answer depends on the request alone. */
    private static final class Answers extends WebSocketServerHandshaker13 {

        Answers(WebSocketDecoderConfig decoderConfig) {
            super(null, null, decoderConfig); // no URL: an answer of version 13 does not name it
        }

        /** @throws WebSocketHandshakeException when the request is no valid upgrade (no key, no Upgrade header) */
        FullHttpResponse to(FullHttpRequest request) {
            return newHandshakeResponse(request, null);
        }
    }

    private static void answerAndClose(ChannelHandlerContext ctx, HttpResponseStatus status, String reason) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(reason == null ? "" : reason, StandardCharsets.UTF_8));
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        ctx.channel().writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}
