package io.kalisocket.config;

/**
 * The admin endpoint: {@code /status}, {@code /metrics}, {@code /health} and {@code /connections} on a port of
 * its own, apart from the clients' port.
 *
 * <p><b>The admin port rule.</b> When {@code admin.port} is not set, it is {@code server.port + 1}: 9528 with
 * the default server port, 9601 for {@code --port 9600}, and a free port when {@code server.port} is 0. So two
 * instances on one host that differ only in {@code --port} each get an admin port of their own (as long as the
 * two server ports are not neighbours). The rule is applied when the {@link KaliConfig} is made (by
 * {@link ConfigLoader} or {@link KaliConfig#builder()}), so {@code --print-config} and the {@code status} command
 * see the resulting port; a {@link KaliConfig#toBuilder()} copy keeps that port even if its server port changes.
 *
 * @param enabled serve the admin endpoint; default {@code false} in the library (several servers may share a
 *     JVM), {@code true} in the demo
 * @param host address to bind; default {@code 127.0.0.1} (loopback: reach it through SSH or a local agent)
 * @param port TCP port; default {@link #FOLLOWS_SERVER_PORT}, i.e. {@code server.port + 1} (see above);
 *     {@code 0} picks a free port
 * @param token when not empty, every request must carry {@code Authorization: Bearer <token>}; default empty
 *     (no token). A secret: masked by {@code --print-config}
 * @param tls serve the admin endpoint over HTTPS with the {@code tls} section's certificate; default false
 */
public record AdminConfig(boolean enabled, String host, int port, String token, boolean tls) {

    /** The default {@link #port}: replaced by {@code server.port + 1} (or 0 when that is 0) in a {@link KaliConfig}. */
    public static final int FOLLOWS_SERVER_PORT = -1;

    /** The defaults documented on each component. */
    public static AdminConfig defaults() {
        return new AdminConfig(false, "127.0.0.1", FOLLOWS_SERVER_PORT, "", false);
    }

    /** @return true when requests must carry the bearer token */
    public boolean requiresToken() {
        return !token.isEmpty();
    }

    /**
     * Returns a copy on another port.
     *
     * @param newPort the port, {@code 0} for a free one, or {@link #FOLLOWS_SERVER_PORT}
     * @return the copy
     */
    public AdminConfig withPort(int newPort) {
        return new AdminConfig(enabled, host, newPort, token, tls);
    }

    /**
     * Applies the admin port rule.
     *
     * @param serverPort the WebSocket listener's {@code server.port}
     * @return this when the port is set; else a copy on {@code serverPort + 1}, or on 0 when {@code serverPort} is 0
     */
    AdminConfig besideServerPort(int serverPort) {
        if (port != FOLLOWS_SERVER_PORT) {
            return this;
        }
        return withPort(serverPort == 0 ? 0 : serverPort + 1);
    }
}
