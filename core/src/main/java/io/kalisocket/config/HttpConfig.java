package io.kalisocket.config;

import java.util.List;

/**
 * Rules applied to the HTTP side of a connection, before and during the upgrade.
 *
 * @param allowedOrigins origins allowed to open a WebSocket (exact match, e.g. {@code https://example.com});
 *     others get HTTP 403. Default empty: any origin, and requests without one
 * @param trustedProxies CIDRs whose {@code X-Real-IP} / {@code X-Forwarded-For} headers are believed;
 *     default loopback only ({@code 127.0.0.0/8}, {@code ::1/128})
 */
public record HttpConfig(List<String> allowedOrigins, List<String> trustedProxies) {

    /** Copies the lists so the record stays immutable. */
    public HttpConfig {
        allowedOrigins = List.copyOf(allowedOrigins);
        trustedProxies = List.copyOf(trustedProxies);
    }

    /** The defaults documented on each component. */
    public static HttpConfig defaults() {
        return new HttpConfig(List.of(), List.of("127.0.0.0/8", "::1/128"));
    }
}
