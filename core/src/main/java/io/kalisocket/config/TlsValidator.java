package io.kalisocket.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks the {@code tls} section at start: both PEM files named, present and readable. */
final class TlsValidator {

    private TlsValidator() {
    }

    static void validate(TlsConfig t) {
        ConfigValidator.check(t.provider().matches("auto|openssl|jdk"), "tls.provider",
                "'" + t.provider() + "' must be auto, openssl or jdk");
        if (!t.enabled()) {
            return;
        }
        readable(t.certFile(), "tls.cert-file");
        readable(t.keyFile(), "tls.key-file");
    }

    private static void readable(String file, String key) {
        ConfigValidator.check(!file.isBlank(), key, "must name a PEM file when tls.enabled is true");
        Path path = Path.of(file);
        ConfigValidator.check(Files.isRegularFile(path), key, file + " does not exist or is not a file");
        ConfigValidator.check(Files.isReadable(path), key, file + " is not readable");
    }
}
