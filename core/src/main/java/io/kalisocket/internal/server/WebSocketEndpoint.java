package io.kalisocket.internal.server;

import java.util.List;

/**
 * What an upgrade request must pass before the handshake: the path, the Origin allow-list and the connection
 * limits; and how its client's real IP is found behind a proxy.
 *
 * @param path the WebSocket path ({@code server.path})
 * @param allowedOrigins origins allowed to connect; empty allows any ({@code http.allowed-origins})
 * @param realIp believes {@code X-Real-IP}/{@code X-Forwarded-For} from trusted proxies only
 * @param limiter connections in total and per IP
 */
record WebSocketEndpoint(String path, List<String> allowedOrigins, RealIpResolver realIp, ConnectionLimiter limiter) {
}
