package io.kalisocket.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an {@link HttpEndpoint} answers. Every response also carries {@code Content-Length} and
 * {@code X-Content-Type-Options: nosniff}.
 *
 * @param status the HTTP status, 100-599
 * @param contentType the body's content type, e.g. {@code application/json}
 * @param body the body, sent as UTF-8
 * @param headers more headers, e.g. {@code Cache-Control}
 */
public record HttpResponse(int status, String contentType, String body, Map<String, String> headers) {

    /** The content type of {@link #json}. */
    public static final String JSON = "application/json";
    /** The content type of {@link #text}. */
    public static final String TEXT = "text/plain; charset=utf-8";

    /** Copies the headers; rejects a status outside 100-599 and missing parts. */
    public HttpResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not an HTTP status: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** @param status the status @param json a JSON document @return a JSON response */
    public static HttpResponse json(int status, String json) {
        return new HttpResponse(status, JSON, json, Map.of());
    }

    /** @param status the status @param text plain text @return a text response */
    public static HttpResponse text(int status, String text) {
        return new HttpResponse(status, TEXT, text, Map.of());
    }

    /** @return 404 {@code not found}, as for a path with no endpoint */
    public static HttpResponse notFound() {
        return text(404, "not found\n");
    }

    /** @param allowed the methods the endpoint serves, e.g. {@code POST} @return 405 with an {@code Allow} header */
    public static HttpResponse methodNotAllowed(String... allowed) {
        return text(405, "method not allowed\n").withHeader("Allow", String.join(", ", allowed));
    }

    /** @param name a header's name @param value its value @return a copy with that header (replacing one so named) */
    public HttpResponse withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new HttpResponse(status, contentType, body, more);
    }
}
