package io.kalisocket.internal.server;

import io.kalisocket.http.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Small HTTP answers for the non-WebSocket side of the port: files, errors and refusals. */
final class HttpResponses {

    /** The content type of a refusal's body. */
    static final String JSON = "application/json";

    private HttpResponses() {
    }

    static void send(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status,
            byte[] body, String contentType, boolean forceClose) {
        write(ctx, request, response(status, body, contentType), forceClose);
    }

    /**
     * An application endpoint's answer.
     *
     * @param keepAlive whether the request asked to keep the connection open
     */
    static void send(ChannelHandlerContext ctx, boolean keepAlive, HttpResponse answer) {
        FullHttpResponse response = response(HttpResponseStatus.valueOf(answer.status()),
                answer.body().getBytes(StandardCharsets.UTF_8), answer.contentType());
        answer.headers().forEach(response.headers()::set);
        write(ctx, keepAlive, response);
    }

    static void error(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String reason) {
        send(ctx, request, status, (reason + "\n").getBytes(StandardCharsets.UTF_8),
                "text/plain; charset=utf-8", true);
    }

    /**
     * The answer to a client's look-up of its refused upgrade. Readable from any origin: a page may connect to a
     * server of another origin, the look-up is a simple GET, and the random id is what keeps one client's refusal
     * from another.
     *
     * @param body the refusal's body, or null for none (204)
     */
    static void refusalLookup(ChannelHandlerContext ctx, FullHttpRequest request, byte[] body) {
        FullHttpResponse response = body == null
                ? new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT, Unpooled.EMPTY_BUFFER)
                : response(HttpResponseStatus.OK, body, JSON);
        response.headers()
                .set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
        write(ctx, request, response, false);
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, contentType)
                .set("X-Content-Type-Options", "nosniff")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response,
            boolean forceClose) {
        write(ctx, !forceClose && HttpUtil.isKeepAlive(request), response);
    }

    private static void write(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        var future = ctx.writeAndFlush(response);
        if (!keepAlive) {
            future.addListener(ChannelFutureListener.CLOSE);
        }
    }
}
