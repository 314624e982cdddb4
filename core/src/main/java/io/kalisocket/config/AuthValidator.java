package io.kalisocket.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the {@code auth} section: one kind of key, a secret long enough for HS256, a readable key file. */
final class AuthValidator {

    /** HS256 needs a key of at least its hash's size (RFC 7518 §3.2). */
    static final int MIN_SECRET_BYTES = 32;

    private AuthValidator() {
    }

    static void validate(AuthConfig a, ConfigValidator v) {
        AuthConfig.Jwt jwt = a.jwt();
        v.check(jwt.secret().isEmpty() || jwt.publicKeyFile().isEmpty(), "auth.jwt.secret",
                "set auth.jwt.secret (HS256) or auth.jwt.public-key-file (RS256/ES256), not both");
        int bytes = jwt.secret().getBytes(StandardCharsets.UTF_8).length;
        // A masked copy (--print-config's) holds Secrets.MASK in its place: it is shown, never used.
        boolean checkable = !jwt.secret().isEmpty() && !jwt.secret().equals(Secrets.MASK);
        v.check(!checkable || bytes >= MIN_SECRET_BYTES, "auth.jwt.secret",
                "is " + bytes + " bytes; HS256 needs at least " + MIN_SECRET_BYTES);
        v.check(!jwt.clockSkew().isNegative(), "auth.jwt.clock-skew", "must be 0 or more");
        if (!jwt.publicKeyFile().isEmpty()) {
            Path path = Path.of(jwt.publicKeyFile()).toAbsolutePath();
            if (v.check(Files.isRegularFile(path), "auth.jwt.public-key-file", path + " does not exist or is not a file")) {
                v.check(Files.isReadable(path), "auth.jwt.public-key-file", path + " is not readable");
            }
        }
    }
}
