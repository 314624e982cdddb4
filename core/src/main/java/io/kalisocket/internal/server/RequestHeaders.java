package io.kalisocket.internal.server;

import io.kalisocket.connection.Handshake;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An upgrade request's headers as {@link Handshake#headers()} gives them (names in lower case, a repeated header's
 * values joined with {@code ", "}), copied from Netty's headers when first read. Most handshakes never read them
 * (the real IP and the upgrade checks read Netty's headers themselves), and the copy on every handshake was about a
 * tenth of the server's Java work per handshake. Netty's headers are plain objects: they outlive the request's
 * buffer. Safe to read from any thread: a race copies twice, and either copy is the same.
 */
final class RequestHeaders extends AbstractMap<String, String> {

    private final HttpHeaders netty;
    private volatile Map<String, String> copied;

    /** @param netty the request's headers, not changed after this */
    RequestHeaders(HttpHeaders netty) {
        this.netty = netty;
    }

    /**
     * @param headers Netty's headers
     * @return a new map of them: names in lower case, a repeated header's values joined with {@code ", "}
     */
    static Map<String, String> copyOf(HttpHeaders headers) {
        Map<String, String> copy = new HashMap<>();
        headers.forEach(e -> copy.merge(e.getKey().toLowerCase(Locale.ROOT), e.getValue(), (a, b) -> a + ", " + b));
        return copy;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return copy().entrySet();
    }

    @Override
    public String get(Object name) {
        return copy().get(name);
    }

    @Override
    public boolean containsKey(Object name) {
        return copy().containsKey(name);
    }

    @Override
    public int size() {
        return copy().size();
    }

    private Map<String, String> copy() {
        Map<String, String> c = copied;
        if (c == null) {
            c = Collections.unmodifiableMap(copyOf(netty));
            copied = c;
        }
        return c;
    }
}
