package io.kalisocket.auth;

import io.kalisocket.connection.Handshake;

/**
 * Decides who a WebSocket client is, during its handshake, before any action of its runs. Give one with
 * {@code KaliServer.authenticator(...)}; the {@code auth.jwt.*} keys give a ready one that verifies JWTs
 * (docs/AUTH.md). A refusal is answered with its HTTP status and reason, as every refused handshake is.
 *
 * <p>Runs off the event loops, on the connection's queue, so it may block (a lookup in a database); the handshake
 * waits meanwhile. One instance serves every connection, from several threads at once: it must be thread-safe.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param handshake the upgrade request: headers, query, addresses
     * @return {@link AuthResult#authenticated} with the principal, or {@link AuthResult#refused} with a status
     */
    AuthResult authenticate(Handshake handshake);

    /**
     * Verifies a new credential for a live connection: the built-in {@code {"ct":"auth","ac":"refresh","token":T}}
     * action calls it before the current one expires. The framework checks that the new principal has the same uid
     * (else 403) and then moves the connection's expiry. By default refresh is not supported (400).
     *
     * @param token the new credential the client sent
     * @return the new principal, or a refusal whose status becomes the reply's code (401 for a bad token)
     */
    default AuthResult refresh(String token) {
        return AuthResult.refused(400, "refresh is not supported");
    }
}
