package io.kalisocket.internal.lifecycle;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.WebSocketFrameDecoder;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes, during a stop, the HTTP connections that are between two requests: the keep-alive connections a
 * browser keeps open after it loaded the page, its script and its stylesheet. Nothing else would close them (the
 * drain tells WebSocket connections only, the browser keeps them for its next request), so before this the drain
 * waited for them until the handshake timeout or the end of {@code shutdown.grace}, though every WebSocket had
 * closed long before. HTTP/1.1 lets a server close an idle persistent connection at any time (RFC 9112 9.6).
 *
 * <p>A connection is left alone while it is, or is becoming, a WebSocket (the upgrade wrote its encoder into the
 * pipeline: the drain closes it with 1012 once it is registered) and while the application's
 * {@code onWebSocketConnect} runs (reads are paused then); it is looked at again on the drain's next round. A
 * response on its way out is finished first: the close goes behind it.
 */
final class IdleHttpCloser {

    private final Set<Channel> closing = ConcurrentHashMap.newKeySet();

    /** Closes {@code channel} on its event loop if it is an idle HTTP connection; otherwise does nothing. */
    void closeIfIdle(Channel channel) {
        if (closing.contains(channel)) {
            return;
        }
        channel.eventLoop().execute(() -> {
            if (!channel.isActive() || !isIdleHttp(channel) || !closing.add(channel)) {
                return;
            }
            channel.closeFuture().addListener(closed -> closing.remove(channel));
            // An empty buffer passes the HTTP encoder untouched (Netty's documented idiom): its write completes
            // after every write queued before it, so a response being sent is not cut.
            channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        });
    }

    private static boolean isIdleHttp(Channel channel) {
        return channel.pipeline().get(WebSocketFrameDecoder.class) == null && channel.config().isAutoRead();
    }
}
