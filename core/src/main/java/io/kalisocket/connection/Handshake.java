package io.kalisocket.connection;

import java.net.InetSocketAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WebSocket upgrade request, as {@code onWebSocketConnect} sees it: headers, query, addresses. The
 * callback may {@link #reject} it, and the client then gets that HTTP status instead of a WebSocket.
 */
public final class Handshake {

    private final String uri;
    private final String path;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final InetSocketAddress remoteAddress;
    private final String ip;
    private volatile int rejectStatus;
    private volatile String rejectReason;

    /**
     * @param uri the request URI, path and query
     * @param path the decoded path
     * @param query the decoded query parameters
     * @param headers the request headers (names lower-case; repeated headers joined with ", "); not copied (the
     *     server's reads Netty's headers only when first asked), so not to be changed after this
     * @param remoteAddress the TCP peer
     * @param ip the client's real IP
     */
    public Handshake(String uri, String path, Map<String, List<String>> query, Map<String, String> headers,
            InetSocketAddress remoteAddress, String ip) {
        this.uri = uri;
        this.path = path;
        this.query = Map.copyOf(query);
        this.headers = Collections.unmodifiableMap(headers);
        this.remoteAddress = remoteAddress;
        this.ip = ip;
    }

    /** @return the request URI, path and query */
    public String uri() {
        return uri;
    }

    /** @return the decoded path */
    public String path() {
        return path;
    }

    /** @return every query parameter with all its values */
    public Map<String, List<String>> query() {
        return query;
    }

    /** @param name a query parameter @return its first value, if present */
    public Optional<String> queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** @return the request headers, names in lower case */
    public Map<String, String> headers() {
        return headers;
    }

    /** @param name a header name, any case @return its value, if present */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    /** @return the TCP peer (the proxy, when behind one) */
    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    /** @return the client's real IP */
    public String ip() {
        return ip;
    }

    /**
     * Refuses the upgrade: the client gets this HTTP status and no WebSocket.
     *
     * @param status e.g. 401 or 403
     * @param reason the response body, short
     */
    public void reject(int status, String reason) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a rejection needs a 4xx or 5xx status, not " + status);
        }
        this.rejectReason = reason;
        this.rejectStatus = status;
    }

    /** @return the status given to {@link #reject}, or 0 when accepted */
    public int rejectStatus() {
        return rejectStatus;
    }

    /** @return the reason given to {@link #reject}, or null */
    public String rejectReason() {
        return rejectReason;
    }
}
