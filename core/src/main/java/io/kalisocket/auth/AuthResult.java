package io.kalisocket.auth;

import java.util.Objects;

/**
 * What an {@link Authenticator} decided about a handshake: {@link Accepted} with the principal, or {@link Refused}
 * with the HTTP status and the short reason the client gets instead of a WebSocket.
 */
public sealed interface AuthResult permits AuthResult.Accepted, AuthResult.Refused {

    /** @param principal who the client is @return an accepted handshake */
    static AuthResult authenticated(Principal principal) {
        return new Accepted(principal);
    }

    /**
     * @param status a 4xx or 5xx HTTP status, usually 401 (no or bad credentials) or 403 (known but not allowed)
     * @param reason a short reason the client is shown, e.g. {@code token expired}; never a secret
     * @return a refused handshake
     */
    static AuthResult refused(int status, String reason) {
        return new Refused(status, reason);
    }

    /** @param principal who the client is */
    record Accepted(Principal principal) implements AuthResult {

        /** Rejects a null principal. */
        public Accepted {
            Objects.requireNonNull(principal, "principal");
        }
    }

    /**
     * @param status the HTTP status, 400-599
     * @param reason the short reason the client is shown
     */
    record Refused(int status, String reason) implements AuthResult {

        /** Checks the status range and that there is a reason. */
        public Refused {
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a refusal needs a 4xx or 5xx status, not " + status);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }
}
