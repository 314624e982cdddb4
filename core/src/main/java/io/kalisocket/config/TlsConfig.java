package io.kalisocket.config;

/**
 * TLS for the clients' port ({@code wss://}, and {@code https://} for the static page). TLS 1.2 and 1.3 only.
 *
 * @param enabled serve TLS; default false (plain {@code ws://}, e.g. behind nginx terminating TLS)
 * @param certFile PEM file with the certificate chain, leaf first; default empty
 * @param keyFile PEM file with the private key in PKCS#8 ({@code BEGIN PRIVATE KEY}); default empty
 * @param keyPassword password of an encrypted key file; default empty (not encrypted). A secret: masked by
 *     {@code --print-config}
 * @param provider {@code auto} (OpenSSL through netty-tcnative when it is on the class path, else the JDK),
 *     {@code openssl} (fail at start when unavailable) or {@code jdk}; default {@code auto}
 */
public record TlsConfig(boolean enabled, String certFile, String keyFile, String keyPassword, String provider) {

    /** The defaults documented on each component. */
    public static TlsConfig defaults() {
        return new TlsConfig(false, "", "", "", "auto");
    }
}
