package io.kalisocket.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;

/**
 * How a {@link TestClient} connects, when a port and a query are not enough: {@code TestClient.to(uri)},
 * then headers, an {@code Origin}, a TLS context, then {@link #connect()} or {@link #attempt()}.
 */
public final class Connector {

    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private SSLContext sslContext;

    Connector(URI uri) {
        this.uri = Objects.requireNonNull(uri, "uri");
    }

    /** @param name a header of the upgrade request @param value its value @return this */
    public Connector header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** @param more headers of the upgrade request @return this */
    public Connector headers(Map<String, String> more) {
        headers.putAll(more);
        return this;
    }

    /** @param origin the {@code Origin} the upgrade request claims, e.g. {@code https://a.example} @return this */
    public Connector origin(String origin) {
        return header("Origin", origin);
    }

    /** @param context trusts the server's certificate, for {@code wss://} @return this */
    public Connector sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return this;
    }

    /**
     * @return a connected client
     * @throws java.util.concurrent.CompletionException when the upgrade fails or takes over {@link TestClient#WAIT}
     */
    public TestClient connect() {
        RecordingListener listener = new RecordingListener();
        WebSocket socket = start(listener).orTimeout(TestClient.WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return new TestClient(socket, listener);
    }

    /** @return the attempt, to look at its failure (a refused upgrade) rather than a client */
    public CompletableFuture<WebSocket> attempt() {
        return start(new RecordingListener());
    }

    private CompletableFuture<WebSocket> start(RecordingListener listener) {
        HttpClient http = sslContext == null ? TestClient.http()
                : HttpClient.newBuilder().sslContext(sslContext).connectTimeout(TestClient.WAIT).build();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(TestClient.WAIT);
        headers.forEach(builder::header);
        return builder.buildAsync(uri, listener);
    }
}
