package io.kalisocket.internal.auth;

import io.kalisocket.auth.AuthResult;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.KaliException;
import java.time.Instant;

/**
 * The built-in {@code auth} controller, routed when the server authenticates: {@code {"ct":"auth","ac":"refresh",
 * "token":T}} gives a live connection a new token before its current one expires. Public for the routing table only.
 */
public final class AuthController {

    private final ConnectionAuth auth;

    /** @param auth the server's authentication */
    public AuthController(ConnectionAuth auth) {
        this.auth = auth;
    }

    /** @param token the new token */
    public record RefreshRequest(String token) {
    }

    /** @param exp the new expiry, in seconds since the epoch (a JWT's {@code exp}); null when it never expires */
    public record Refreshed(Long exp) {
    }

    /**
     * Verifies the new token (same {@code sub}, else 403; a bad one 401) and moves the connection's expiry.
     *
     * @param ctx the call
     * @param request the new token
     * @return the new expiry
     */
    public Refreshed refresh(Ctx ctx, RefreshRequest request) {
        if (!(ctx.connection() instanceof ChannelConnection connection)) {
            throw KaliException.badRequest("refresh needs a WebSocket connection");
        }
        AuthResult result = auth.refresh(connection, request.token());
        if (result instanceof AuthResult.Refused refused) {
            throw new KaliException(refused.status(), refused.reason());
        }
        return new Refreshed(((AuthResult.Accepted) result).principal().expiry().map(Instant::getEpochSecond)
                .orElse(null));
    }
}
