package io.kalisocket.internal.server;

import io.kalisocket.config.LimitsConfig;
import java.util.List;

/**
 * What an upgrade request must pass before the handshake: the path, the Origin allow-list, the handshake rate and
 * the connection limits; how its client's real IP is found behind a proxy; and how a refusal is answered.
 *
 * @param path the WebSocket path ({@code server.path})
 * @param allowedOrigins origins allowed to connect; empty allows any ({@code http.allowed-origins})
 * @param realIp believes {@code X-Real-IP}/{@code X-Forwarded-For} from trusted proxies only
 * @param limiter connections in total and per IP
 * @param handshakeRate upgrade requests per IP per second
 * @param refusals answers, counts and logs every refused upgrade
 */
record WebSocketEndpoint(String path, List<String> allowedOrigins, RealIpResolver realIp, ConnectionLimiter limiter,
        HandshakeRate handshakeRate, HandshakeRefusals refusals) {

    /** @param parts the server's parts @return the endpoint of that server's configuration */
    static WebSocketEndpoint of(ServerAssembly parts) {
        LimitsConfig limits = parts.config.limits();
        return new WebSocketEndpoint(parts.config.server().path(), parts.config.http().allowedOrigins(),
                new RealIpResolver(parts.config.http().trustedProxies()),
                new ConnectionLimiter(limits.maxConnections(), limits.maxConnectionsPerIp()),
                new HandshakeRate(limits.handshakesPerIpPerSecond(), parts.clock::nanoTime),
                new HandshakeRefusals(parts.stats, new RecentRefusals(parts.clock::nanoTime), parts.clock::nanoTime));
    }
}
