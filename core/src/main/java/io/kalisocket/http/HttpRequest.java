package io.kalisocket.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to an {@link HttpEndpoint}, read whole.
 *
 * @param method the method in upper case, e.g. {@code POST}
 * @param path the decoded path, e.g. {@code /login}
 * @param query the decoded query parameters
 * @param headers the headers, names in lower case; a repeated header's values joined with {@code ", "}
 * @param body the body as UTF-8 text, empty for none
 * @param ip the client's real IP (a trusted proxy's {@code X-Real-IP}, else the socket's address)
 */
public record HttpRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
        String body, String ip) {

    /** Copies the maps; rejects missing parts. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = Map.copyOf(query);
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(ip, "ip");
    }

    /** @param name a query parameter @return its first value */
    public Optional<String> query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @param name a header's name, in any case @return its value */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** @return the media type of the body without parameters, in lower case ({@code application/json}), or empty */
    public String contentType() {
        return header("content-type").map(t -> t.split(";", 2)[0].trim().toLowerCase(Locale.ROOT)).orElse("");
    }

    /**
     * @return the body read as an HTML form ({@code application/x-www-form-urlencoded}): each field's first value,
     *     in order; empty when the body is empty
     * @throws IllegalArgumentException when an escape is broken ({@code %zz})
     */
    public Map<String, String> form() {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                fields.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return fields;
    }
}
