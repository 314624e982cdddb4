package io.kalisocket.internal.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Reads a running server's admin endpoint, for the {@code status}, {@code connections} and {@code stop}
 * commands of a launcher.
 */
public final class AdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param base e.g. {@code http://127.0.0.1:9528}
     * @param token the bearer token, empty for none
     * @param ssl the TLS context for an {@code https} base (e.g. one trusting the server's certificate), or null
     */
    public AdminClient(URI base, String token, SSLContext ssl) {
        this.base = base;
        this.token = token;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if (ssl != null) {
            builder.sslContext(ssl);
        }
        this.http = builder.build();
    }

    /**
     * @param path e.g. {@code /status}
     * @return the JSON answer as nested maps
     * @throws IOException with a message a person can act on when no server answers or it refuses
     * @throws InterruptedException when interrupted
     */
    public Map<String, Object> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /**
     * @param path e.g. {@code /stop}
     * @return the JSON answer as nested maps
     * @throws IOException with a message a person can act on when no server answers or it refuses
     * @throws InterruptedException when interrupted
     */
    public Map<String, Object> post(String path) throws IOException, InterruptedException {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        if (!token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private Map<String, Object> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpTimeoutException e) {
            throw new IOException("no KaliSocket server answers on " + base + " (is it running, with admin.enabled"
                    + " and this admin.port?)", e);
        }
        if (response.statusCode() == 401) {
            throw new IOException(base + " wants a bearer token: pass --admin-token or set KALISOCKET_ADMIN_TOKEN");
        }
        if (response.statusCode() >= 400 && response.statusCode() != 503) {
            throw new IOException(request.uri() + " answered HTTP " + response.statusCode() + ": " + response.body());
        }
        try {
            return json.readValue(response.body(), new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new IOException(request.uri() + " did not answer JSON; is this a KaliSocket admin port?", e);
        }
    }
}
