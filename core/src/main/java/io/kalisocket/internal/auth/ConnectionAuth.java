package io.kalisocket.internal.auth;

import io.kalisocket.KaliClock;
import io.kalisocket.auth.AuthResult;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.auth.Principal;
import io.kalisocket.config.AuthConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.connection.ChannelConnection;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A server's authentication of its connections: the handshake check (before the application's
 * {@code onWebSocketConnect}), the uid bound from the principal once the connection is registered, the expiry timer,
 * and the refresh of a live connection's token.
 */
public final class ConnectionAuth {

    private final Authenticator authenticator;
    private final ExpiryTimer expiry;

    private ConnectionAuth(Authenticator authenticator, ExpiryTimer expiry) {
        this.authenticator = authenticator;
        this.expiry = expiry;
    }

    /**
     * @param config the {@code auth} section
     * @param own the application's authenticator ({@code KaliServer.authenticator}), or null; it wins over the keys
     * @param clock the server's clock: tokens are checked and expire on it
     * @return the server's authentication, or empty when there is none: no key set and no authenticator given
     * @throws IllegalStateException when the key file holds no usable key
     */
    public static Optional<ConnectionAuth> of(AuthConfig config, Authenticator own, KaliClock clock) {
        if (own == null && !config.enabled()) {
            return Optional.empty();
        }
        Authenticator authenticator = own != null ? own : new JwtAuthenticator(config.jwt(), clock);
        return Optional.of(new ConnectionAuth(authenticator,
                new ExpiryTimer(clock, config.expiry(), config.jwt().clockSkew())));
    }

    /**
     * @param app the application's {@code onWebSocketConnect}
     * @return the upgrade check that authenticates first: a refusal rejects the handshake (the client gets its
     *     status and reason, as for every refused handshake) and the application's check does not run; else the
     *     connection has its principal and uid when the application's check runs
     */
    public BiConsumer<Connection, Handshake> beforeUpgradeCheck(BiConsumer<Connection, Handshake> app) {
        return (connection, handshake) -> {
            AuthResult result = checked(authenticator.authenticate(handshake));
            if (result instanceof AuthResult.Refused refused) {
                handshake.reject(refused.status(), refused.reason());
                return;
            }
            Principal principal = ((AuthResult.Accepted) result).principal();
            ChannelConnection channel = (ChannelConnection) connection;
            channel.principal(principal);
            channel.uid(principal.uid()); // seen at once; the gateway's index follows in bind, once registered
            app.accept(connection, handshake);
        };
    }

    /**
     * Binds the uid of a registered connection's principal in the gateway and starts its expiry timer. Runs on the
     * connection's queue, before its connect action and its first message's action.
     *
     * @param connection a connection that just completed its upgrade, or returned to (recovery) on a new socket
     * @param gateway the server's gateway
     */
    public void bind(ChannelConnection connection, Gateway gateway) {
        connection.principal().ifPresent(p -> {
            gateway.bindUid(connection.id(), p.uid());
            expiry.start(connection);
        });
    }

    /**
     * Verifies a live connection's new token: the principal must have the same uid (403 otherwise); it then replaces
     * the connection's, and its expiry moves.
     *
     * @param connection the connection
     * @param token the new token
     * @return the new principal, or the refusal whose status becomes the reply's code
     */
    public AuthResult refresh(ChannelConnection connection, String token) {
        Optional<Principal> current = connection.principal();
        if (current.isEmpty()) {
            return AuthResult.refused(401, "not authenticated");
        }
        AuthResult result = checked(authenticator.refresh(token));
        if (result instanceof AuthResult.Accepted accepted) {
            if (!accepted.principal().uid().equals(current.get().uid())) {
                return AuthResult.refused(403, "token is for another user");
            }
            connection.principal(accepted.principal());
            expiry.restart(connection);
        }
        return result;
    }

    /** An authenticator that answers null, or a uid the gateway cannot bind, refuses rather than fails later. */
    private static AuthResult checked(AuthResult result) {
        if (result == null) {
            return AuthResult.refused(500, "internal error");
        }
        if (result instanceof AuthResult.Accepted a && a.principal().uid().codePointCount(0,
                a.principal().uid().length()) > Gateway.MAX_NAME) {
            return AuthResult.refused(401, "uid is longer than " + Gateway.MAX_NAME + " characters");
        }
        return result;
    }
}
