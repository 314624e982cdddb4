package io.kalisocket.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the {@code tls} section at start: both PEM files named, present and readable. */
final class TlsValidator {

    private TlsValidator() {
    }

    static void validate(TlsConfig t, ConfigValidator v) {
        v.check(t.provider().matches("auto|openssl|jdk"), "tls.provider",
                "'" + t.provider() + "' must be auto, openssl or jdk");
        if (!t.enabled()) {
            return;
        }
        readable(t.certFile(), "tls.cert-file", v);
        readable(t.keyFile(), "tls.key-file", v);
    }

    private static void readable(String file, String key, ConfigValidator v) {
        // Each check needs the one before it to pass: one problem per key.
        if (v.check(!file.isBlank(), key, "must name a PEM file when tls.enabled is true")) {
            Path path = Path.of(file).toAbsolutePath();
            if (v.check(Files.isRegularFile(path), key, path + " does not exist or is not a file")) {
                v.check(Files.isReadable(path), key, path + " is not readable");
            }
        }
    }
}
