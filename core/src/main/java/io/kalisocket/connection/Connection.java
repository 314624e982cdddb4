package io.kalisocket.connection;

import io.kalisocket.auth.Principal;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;

/** One client's WebSocket connection, as the application sees it. Safe to use from any thread. */
public interface Connection {

    /** @return the client id: short, URL-safe, unique across nodes and restarts, never reused */
    String id();

    /** @return the client's real IP (from a trusted proxy's headers, else the socket's address) */
    String ip();

    /** @return the TCP peer's address (the proxy's, when behind one) */
    InetSocketAddress remoteAddress();

    /** @return the user bound to this connection, if any */
    Optional<String> uid();

    /**
     * @return who the connection authenticated as during its handshake (an {@code Authenticator}, or the
     *     {@code auth.jwt.*} keys), with the claims and expiry of its latest refresh; empty without authentication
     */
    default Optional<Principal> principal() {
        return Optional.empty();
    }

    /** @return the groups this connection is in on this node, as an unmodifiable view */
    Set<String> groups();

    /** @return the connection's session, created on first use */
    Session session();

    /** @return true until the connection is closed */
    boolean isOpen();

    /**
     * Sends a message: a {@link CharSequence} as it is, anything else encoded as JSON.
     *
     * @param message the message
     * @return true when the message was handed to the socket, false when the connection is closed or the
     *     message was dropped under the slow-consumer policy
     */
    boolean send(Object message);

    /**
     * Closes the connection with a WebSocket close code.
     *
     * @param code e.g. 1000 (normal), 1008 (policy)
     * @param reason a short reason, at most 123 bytes in UTF-8
     */
    void close(int code, String reason);
}
