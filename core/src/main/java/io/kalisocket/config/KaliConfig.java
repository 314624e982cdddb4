package io.kalisocket.config;

import java.util.Objects;

/**
 * The whole, immutable configuration of one KaliSocket node. Build it with {@link #defaults()} and the
 * {@code with...} methods, or load it with {@link ConfigLoader} (file, then environment, then flags).
 * Every key and its default is listed in {@code docs/CONFIG.md}.
 *
 * @param server where and how to listen
 * @param limits every limit and its answer
 * @param protocol heartbeat strings and the receipts' window
 * @param http origin allow-list and trusted proxies
 * @param gateway gateway mode (online/offline actions)
 * @param execution where actions run
 * @param admin the admin endpoint (/status, /metrics, /health)
 * @param tls TLS for the clients' port
 * @param logging log level and format
 * @param shutdown the graceful stop
 * @param recovery connection recovery (parked connections, resume tokens, missed pushes)
 */
public record KaliConfig(
        ServerConfig server,
        LimitsConfig limits,
        ProtocolConfig protocol,
        HttpConfig http,
        GatewayModeConfig gateway,
        ExecutionConfig execution,
        AdminConfig admin,
        TlsConfig tls,
        LoggingConfig logging,
        ShutdownConfig shutdown,
        RecoveryConfig recovery) {

    /** Rejects missing sections: every section has defaults, so none is ever null. */
    public KaliConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(recovery, "recovery");
    }

    /** @return the configuration with every default */
    public static KaliConfig defaults() {
        return new KaliConfig(ServerConfig.defaults(), LimitsConfig.defaults(), ProtocolConfig.defaults(),
                HttpConfig.defaults(), GatewayModeConfig.defaults(), ExecutionConfig.defaults(), AdminConfig.defaults(),
                TlsConfig.defaults(), LoggingConfig.defaults(), ShutdownConfig.defaults(),
                RecoveryConfig.defaults());
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withServer(ServerConfig value) {
        return new KaliConfig(value, limits, protocol, http, gateway, execution, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withLimits(LimitsConfig value) {
        return new KaliConfig(server, value, protocol, http, gateway, execution, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withProtocol(ProtocolConfig value) {
        return new KaliConfig(server, limits, value, http, gateway, execution, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withHttp(HttpConfig value) {
        return new KaliConfig(server, limits, protocol, value, gateway, execution, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withGateway(GatewayModeConfig value) {
        return new KaliConfig(server, limits, protocol, http, value, execution, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withExecution(ExecutionConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, value, admin, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withAdmin(AdminConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, execution, value, tls, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withTls(TlsConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, execution, admin, value, logging, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withLogging(LoggingConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, execution, admin, tls, value, shutdown, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withShutdown(ShutdownConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, execution, admin, tls, logging, value, recovery);
    }

    /** @param value new section @return a copy with it */
    public KaliConfig withRecovery(RecoveryConfig value) {
        return new KaliConfig(server, limits, protocol, http, gateway, execution, admin, tls, logging, shutdown, value);
    }
}
