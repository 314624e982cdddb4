package io.kalisocket.config;

import java.time.Duration;
import java.util.Objects;

/**
 * Authentication of WebSocket clients with JWTs (docs/AUTH.md). Off unless {@code auth.jwt.secret} or
 * {@code auth.jwt.public-key-file} is set; then every handshake needs a valid token ({@code ?token=} or
 * {@code Authorization: Bearer}), or it is refused with HTTP 401, and the connection's uid is the token's
 * {@code sub}.
 *
 * @param jwt how tokens are verified
 * @param expiry what happens when a live connection's token expires; default {@link Expiry#CLOSE}
 */
public record AuthConfig(Jwt jwt, Expiry expiry) {

    /** Rejects missing parts. */
    public AuthConfig {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(expiry, "expiry");
    }

    /** The defaults documented on each component: off. */
    public static AuthConfig defaults() {
        return new AuthConfig(Jwt.defaults(), Expiry.CLOSE);
    }

    /** @return true when a secret or a public key is set: every handshake then needs a token */
    public boolean enabled() {
        return !jwt.secret().isEmpty() || !jwt.publicKeyFile().isEmpty();
    }

    /** What happens when the token of a live connection expires ({@code auth.expiry}). */
    public enum Expiry {
        /** The connection is closed with 4001 {@code token expired}, unless its client refreshed the token. */
        CLOSE,
        /** Nothing: the token is checked at the handshake only. */
        IGNORE
    }

    /**
     * The {@code auth.jwt} keys.
     *
     * @param secret the HS256 key, at least 32 bytes; default empty. A secret: masked by {@code --print-config}
     * @param publicKeyFile a PEM file with the public key ({@code PUBLIC KEY}) or certificate that verifies RS256
     *     (an RSA key) or ES256 (an EC P-256 key) tokens; default empty
     * @param audience when set, a token's {@code aud} must name it; default empty (not checked)
     * @param issuer when set, a token's {@code iss} must be it; default empty (not checked)
     * @param clockSkew leeway for {@code exp} and {@code nbf}, at the handshake and on a live connection;
     *     default 30s
     */
    public record Jwt(String secret, String publicKeyFile, String audience, String issuer, Duration clockSkew) {

        /** Rejects missing values (empty strings stand for "not set"). */
        public Jwt {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(publicKeyFile, "publicKeyFile");
            Objects.requireNonNull(audience, "audience");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clockSkew, "clockSkew");
        }

        /** The defaults documented on each component. */
        public static Jwt defaults() {
            return new Jwt("", "", "", "", Duration.ofSeconds(30));
        }
    }
}
