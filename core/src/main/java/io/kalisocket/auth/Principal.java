package io.kalisocket.auth;

import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a connection authenticated as: the user id its uid is bound to, the claims that came with it (a JWT's
 * payload, or what an {@link Authenticator} put there) and when that authentication stops being valid.
 *
 * @param uid the user id; the connection's uid is bound to it before any action runs
 * @param claims the claims, JSON values (strings, numbers, booleans, lists, maps); unmodifiable
 * @param expiry when the authentication expires (a JWT's {@code exp}); empty for never
 */
public record Principal(String uid, Map<String, Object> claims, Optional<Instant> expiry) {

    /** Checks the uid and keeps an unmodifiable copy of the claims (null values are allowed, as in JSON). */
    public Principal {
        Objects.requireNonNull(uid, "uid");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("a principal needs a uid");
        }
        claims = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(claims, "claims")));
        Objects.requireNonNull(expiry, "expiry");
    }

    /** @param uid the user id @return a principal with no claims that never expires */
    public static Principal of(String uid) {
        return new Principal(uid, Map.of(), Optional.empty());
    }

    /** @param name a claim's name @return its value, if present and not null */
    public Optional<Object> claim(String name) {
        return Optional.ofNullable(claims.get(name));
    }

    /**
     * Whether a claim has a value: equal to it as text, or, for a list claim ({@code "roles":["admin","ops"]}),
     * holding it.
     *
     * @param name the claim's name, e.g. {@code role}
     * @param value the value looked for, e.g. {@code admin}
     * @return true when the claim has that value
     */
    public boolean hasClaim(String name, String value) {
        Object claim = claims.get(name);
        if (claim instanceof Collection<?> values) {
            return values.stream().anyMatch(v -> v != null && value.equals(v.toString()));
        }
        return claim != null && value.equals(claim.toString());
    }
}
