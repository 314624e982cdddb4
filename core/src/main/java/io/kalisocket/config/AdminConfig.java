package io.kalisocket.config;

/**
 * The admin endpoint: {@code /status}, {@code /metrics}, {@code /health} and {@code /connections} on a port of
 * its own, apart from the clients' port.
 *
 * @param enabled serve the admin endpoint; default {@code false} in the library (several servers may share a
 *     JVM), {@code true} in the demo
 * @param host address to bind; default {@code 127.0.0.1} (loopback: reach it through SSH or a local agent)
 * @param port TCP port; default {@code 9528} ({@code 0} picks a free port)
 * @param token when not empty, every request must carry {@code Authorization: Bearer <token>}; default empty
 *     (no token). A secret: masked by {@code --print-config}
 * @param tls serve the admin endpoint over HTTPS with the {@code tls} section's certificate; default false
 */
public record AdminConfig(boolean enabled, String host, int port, String token, boolean tls) {

    /** The defaults documented on each component. */
    public static AdminConfig defaults() {
        return new AdminConfig(false, "127.0.0.1", 9528, "", false);
    }

    /** @return true when requests must carry the bearer token */
    public boolean requiresToken() {
        return !token.isEmpty();
    }
}
