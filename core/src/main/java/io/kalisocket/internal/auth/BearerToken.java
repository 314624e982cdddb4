package io.kalisocket.internal.auth;

import io.kalisocket.connection.Handshake;
import java.util.List;
import java.util.Optional;

/**
 * Where a handshake carries its token: {@code ?token=} (browsers cannot set headers on a WebSocket) or one
 * {@code Authorization: Bearer} header. Anything ambiguous is refused rather than guessed: two Authorization headers
 * (the handshake joins them with ", ", which no JWT holds), two {@code token} parameters, or a token in both places.
 */
final class BearerToken {

    private static final String SCHEME = "bearer ";

    private BearerToken() {
    }

    /** A token, or why there is none usable. */
    record Found(String token, String problem) {
    }

    static Found of(Handshake handshake) {
        List<String> inQuery = handshake.query().getOrDefault("token", List.of());
        Optional<String> header = handshake.header("authorization");
        if (header.isPresent() && header.get().contains(",")) {
            return new Found(null, "one Authorization header only");
        }
        Optional<String> bearer = header.filter(h -> h.regionMatches(true, 0, SCHEME, 0, SCHEME.length()))
                .map(h -> h.substring(SCHEME.length()).trim());
        if (inQuery.size() > 1 || bearer.isPresent() && !inQuery.isEmpty()) {
            return new Found(null, "one token only");
        }
        String token = bearer.orElse(inQuery.isEmpty() ? "" : inQuery.get(0));
        return token.isEmpty() ? new Found(null, "token missing") : new Found(token, null);
    }
}
