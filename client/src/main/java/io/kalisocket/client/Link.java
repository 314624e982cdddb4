package io.kalisocket.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection on the JDK client: whole text messages in, sends queued one after the other
 * (the JDK allows one outstanding send), and exactly one {@link Events#closed} however it ends.
 */
final class Link implements WebSocket.Listener {

    /** What a link reports; every method runs on the JDK's WebSocket thread. */
    interface Events {
        void opened(Link link);

        void text(Link link, String text);

        void closed(Link link, int code, String reason);

        /** The server answered the upgrade with this HTTP status instead of a WebSocket; nothing follows. */
        void refused(Link link, int status);
    }

    /** The close code reported when the connection broke without a close frame. */
    static final int ABNORMAL = 1006;

    private final Events events;
    private final StringBuilder partial = new StringBuilder();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile WebSocket socket;
    private CompletableFuture<?> tail = CompletableFuture.completedFuture(null);

    private Link(Events events) {
        this.events = events;
    }

    /**
     * Starts connecting, with the handshake's headers and subprotocols from {@code options}; the outcome comes
     * through {@code events}.
     */
    static Link open(HttpClient http, URI uri, ClientOptions options, Events events) {
        Link link = new Link(events);
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(options.connectTimeout());
        options.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        List<String> protocols = options.subprotocols();
        if (!protocols.isEmpty()) {
            builder.subprotocols(protocols.get(0), protocols.subList(1, protocols.size()).toArray(String[]::new));
        }
        builder.buildAsync(uri, link).whenComplete((ws, error) -> {
            if (error != null) {
                boolean wrapped = error instanceof CompletionException && error.getCause() != null;
                link.failed(wrapped ? error.getCause() : error);
            }
        });
        return link;
    }

    private void failed(Throwable cause) {
        if (cause instanceof WebSocketHandshakeException refused) {
            if (closed.compareAndSet(false, true)) {
                events.refused(this, refused.getResponse().statusCode());
            }
        } else {
            ended(ABNORMAL, String.valueOf(cause.getMessage()));
        }
    }

    /** @return the subprotocol the server chose, empty when none (or not open yet) */
    String subprotocol() {
        WebSocket ws = socket;
        return ws == null ? "" : ws.getSubprotocol();
    }

    /** Sends a text frame after those before it; a failed send aborts the connection. */
    synchronized void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        tail = tail.handle((r, e) -> null)
                .thenCompose(x -> ws.sendText(text, true))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        abort("send failed: " + e.getMessage());
                    }
                });
    }

    /** Sends a close frame after pending sends, then drops the connection; reports nothing more. */
    synchronized void close(int code, String reason) {
        closed.set(true);
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        tail.handle((r, e) -> null)
                .thenCompose(x -> ws.sendClose(code, reason))
                .orTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
                .whenComplete((r, e) -> ws.abort());
    }

    /** Drops the connection at once and reports it closed with 1006. */
    void abort(String reason) {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        ended(ABNORMAL, reason);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
        events.opened(this);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String text = partial.toString();
            partial.setLength(0);
            if (!closed.get()) {
                events.text(this, text);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        ended(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ended(ABNORMAL, String.valueOf(error.getMessage()));
    }

    private void ended(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            WebSocket ws = socket;
            if (ws != null) {
                ws.abort();
            }
            events.closed(this, code, reason);
        }
    }
}
