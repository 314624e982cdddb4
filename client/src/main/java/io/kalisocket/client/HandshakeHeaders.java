package io.kalisocket.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks on what {@link ClientOptions} adds to the opening handshake. The JDK's WebSocket client refuses some
 * headers, but only once a connection is attempted, as a failed attempt: the client would then retry forever
 * with the same options. These checks refuse them when the options are built.
 */
final class HandshakeHeaders {

    /**
     * Headers the JDK sets itself and refuses from the application: those of the HTTP request line and the
     * upgrade ({@code Host}, {@code Connection}, {@code Upgrade}, {@code Content-Length}, {@code Expect}) and those
     * of the WebSocket handshake ({@code Sec-WebSocket-*}; the subprotocols go through
     * {@link ClientOptions.Builder#subprotocol}). Lower case.
     */
    static final Set<String> REFUSED = Set.of("host", "connection", "upgrade", "content-length", "expect");

    /** The prefix of the WebSocket handshake's own headers, refused as well. Lower case. */
    static final String REFUSED_PREFIX = "sec-websocket-";

    /** An HTTP token (RFC 9110 5.6.2): a header name, a subprotocol. */
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private HandshakeHeaders() {
    }

    /**
     * @param headers header names with their values, as given
     * @return an unmodifiable copy in the same order
     * @throws IllegalArgumentException when a name is refused or not a token, or a value holds a control character
     *     or one beyond ISO-8859-1
     */
    static Map<String, List<String>> copyOf(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            checkName(name);
            values.forEach(value -> checkValue(name, value));
            copy.put(name, List.copyOf(values));
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * @param subprotocols the subprotocols, most preferred first
     * @return an unmodifiable copy
     * @throws IllegalArgumentException when one is not a token or appears twice
     */
    static List<String> subprotocols(List<String> subprotocols) {
        for (String p : subprotocols) {
            if (p == null || !TOKEN.matcher(p).matches()) {
                throw new IllegalArgumentException("a subprotocol is a token (letters, digits, !#$%&'*+-.^_`|~): \""
                        + p + "\"");
            }
        }
        if (Set.copyOf(subprotocols).size() != subprotocols.size()) {
            throw new IllegalArgumentException("a subprotocol is listed twice: " + subprotocols);
        }
        return List.copyOf(subprotocols);
    }

    /**
     * Adds a value under {@code name}, or under the name already there that differs only in case.
     *
     * @param headers a builder's headers
     * @param name the header name
     * @param value one more value
     */
    static void add(Map<String, List<String>> headers, String name, String value) {
        checkName(name);
        checkValue(name, value);
        String key = headers.keySet().stream().filter(n -> n.equalsIgnoreCase(name)).findFirst().orElse(name);
        headers.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /** Replaces every value of {@code name} (any case) with {@code value}. */
    static void set(Map<String, List<String>> headers, String name, String value) {
        headers.keySet().removeIf(n -> n.equalsIgnoreCase(name));
        add(headers, name, value);
    }

    private static void checkName(String name) {
        if (name == null || !TOKEN.matcher(name).matches()) {
            throw new IllegalArgumentException("not a header name: \"" + name + "\"");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (REFUSED.contains(lower) || lower.startsWith(REFUSED_PREFIX)) {
            throw new IllegalArgumentException("the header " + name + " is set by the WebSocket handshake itself and "
                    + "cannot be given (refused: Host, Connection, Upgrade, Content-Length, Expect, Sec-WebSocket-*;"
                    + " use subprotocol(...) for Sec-WebSocket-Protocol)");
        }
    }

    private static void checkValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("the header " + name + " has no value (null)");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f) {
                throw new IllegalArgumentException("the value of the header " + name
                        + " holds a control character (CR, LF, ...) at index " + i);
            }
            if (c > 0xff) {
                // HTTP/1.1 carries header values as bytes; the JDK sends ISO-8859-1 and refuses anything beyond.
                throw new IllegalArgumentException("the value of the header " + name + " holds '" + c
                        + "' at index " + i + ", which is not ISO-8859-1 (encode it, e.g. with URLEncoder or Base64)");
            }
        }
    }
}
