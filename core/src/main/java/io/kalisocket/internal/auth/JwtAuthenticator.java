package io.kalisocket.internal.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.kalisocket.auth.AuthResult;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.auth.Principal;
import io.kalisocket.config.AuthConfig;
import io.kalisocket.connection.Handshake;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.Optional;

/**
 * The {@link Authenticator} of the {@code auth.jwt.*} keys: the token's signature is checked with nimbus-jose-jwt
 * against the configured key and its one algorithm, then its claims against the server's clock. Each refusal is a
 * 401 with a short reason ({@code token expired}, {@code bad signature}, {@code wrong audience}...) that says what to
 * fix without saying anything of the key.
 */
final class JwtAuthenticator implements Authenticator {

    private final JwtKeys keys;
    private final AuthConfig.Jwt config;
    private final InstantSource clock;

    /**
     * @param config the {@code auth.jwt} keys, with a secret or a key file
     * @param clock the server's clock: {@code exp} and {@code nbf} are read against it
     * @throws IllegalStateException when the key file holds no usable key
     */
    JwtAuthenticator(AuthConfig.Jwt config, InstantSource clock) {
        this.keys = JwtKeys.of(config);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public AuthResult authenticate(Handshake handshake) {
        BearerToken.Found found = BearerToken.of(handshake);
        return found.token() == null ? refused(found.problem()) : verify(found.token());
    }

    @Override
    public AuthResult refresh(String token) {
        return token == null || token.isEmpty() ? refused("token missing") : verify(token);
    }

    private AuthResult verify(String token) {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return refused("malformed token");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            return refused(jwt.getHeader().getAlgorithm().getName().equals("none") ? "unsigned token"
                    : "encrypted tokens are not supported");
        }
        if (!keys.algorithms().contains(signed.getHeader().getAlgorithm())) {
            return refused("algorithm " + signed.getHeader().getAlgorithm() + " not accepted");
        }
        try {
            if (!signed.verify(keys.verifier())) {
                return refused("bad signature");
            }
            return checkClaims(signed.getJWTClaimsSet());
        } catch (JOSEException | ParseException e) {
            return refused("malformed token");
        }
    }

    private AuthResult checkClaims(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Duration skew = config.clockSkew();
        Optional<Instant> exp = Optional.ofNullable(claims.getExpirationTime()).map(Date::toInstant);
        if (exp.isPresent() && now.isAfter(exp.get().plus(skew))) {
            return refused("token expired");
        }
        Date nbf = claims.getNotBeforeTime();
        if (nbf != null && now.plus(skew).isBefore(nbf.toInstant())) {
            return refused("token not yet valid");
        }
        if (!config.issuer().isEmpty() && !config.issuer().equals(claims.getIssuer())) {
            return refused("wrong issuer");
        }
        if (!config.audience().isEmpty() && !claims.getAudience().contains(config.audience())) {
            return refused("wrong audience");
        }
        String sub = claims.getSubject();
        if (sub == null || sub.isBlank()) {
            return refused("token has no sub");
        }
        return AuthResult.authenticated(new Principal(sub, claims.toJSONObject(), exp));
    }

    private static AuthResult refused(String reason) {
        return AuthResult.refused(401, reason);
    }
}
