package io.kalisocket.config;

import java.util.Objects;

/**
 * The whole, immutable configuration of one KaliSocket node. Load it with {@link ConfigLoader} (file, then
 * environment, then flags), or build it in code with {@link #builder()} (every section at its defaults unless
 * set) and change one with {@link #toBuilder()}. Every key and its default is listed in {@code docs/CONFIG.md};
 * each section's record documents its own defaults.
 *
 * @param server where and how to listen
 * @param limits every limit and its answer
 * @param protocol heartbeat strings and the receipts' window
 * @param http origin allow-list and trusted proxies
 * @param connectActions the actions run on connect and on close (GatewayWorker's online/offline)
 * @param execution where actions run
 * @param admin the admin endpoint (/status, /metrics, /health)
 * @param tls TLS for the clients' port
 * @param logging log level and format
 * @param shutdown the graceful stop
 * @param recovery connection recovery (parked connections, resume tokens, missed pushes)
 * @param auth authentication of clients with JWTs (off unless a key is set)
 */
public record KaliConfig(
        ServerConfig server,
        LimitsConfig limits,
        ProtocolConfig protocol,
        HttpConfig http,
        ConnectActionsConfig connectActions,
        ExecutionConfig execution,
        AdminConfig admin,
        TlsConfig tls,
        LoggingConfig logging,
        ShutdownConfig shutdown,
        RecoveryConfig recovery,
        AuthConfig auth) {

    /**
     * Rejects missing sections (every section has defaults, so none is ever null) and applies the admin port
     * rule: an {@code admin.port} of {@link AdminConfig#FOLLOWS_SERVER_PORT} becomes {@code server.port + 1}.
     */
    public KaliConfig {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(connectActions, "connectActions");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(logging, "logging");
        Objects.requireNonNull(shutdown, "shutdown");
        Objects.requireNonNull(recovery, "recovery");
        Objects.requireNonNull(auth, "auth");
        admin = admin.besideServerPort(server.port());
    }

    /** @return the configuration with every default */
    public static KaliConfig defaults() {
        return builder().build();
    }

    /** @return a builder with every section at its defaults */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this configuration's sections, to change some of them */
    public Builder toBuilder() {
        return new Builder()
                .server(server).limits(limits).protocol(protocol).http(http).connectActions(connectActions)
                .execution(execution).admin(admin).tls(tls).logging(logging).shutdown(shutdown).recovery(recovery)
                .auth(auth);
    }

    /**
     * Builds a {@link KaliConfig}: each section starts at its defaults; {@link #build()} runs the same range checks
     * as {@link ConfigLoader}. Not thread-safe; the configuration it builds is immutable.
     */
    public static final class Builder {

        private ServerConfig server = ServerConfig.defaults();
        private LimitsConfig limits = LimitsConfig.defaults();
        private ProtocolConfig protocol = ProtocolConfig.defaults();
        private HttpConfig http = HttpConfig.defaults();
        private ConnectActionsConfig connectActions = ConnectActionsConfig.defaults();
        private ExecutionConfig execution = ExecutionConfig.defaults();
        private AdminConfig admin = AdminConfig.defaults();
        private TlsConfig tls = TlsConfig.defaults();
        private LoggingConfig logging = LoggingConfig.defaults();
        private ShutdownConfig shutdown = ShutdownConfig.defaults();
        private RecoveryConfig recovery = RecoveryConfig.defaults();
        private AuthConfig auth = AuthConfig.defaults();

        private Builder() {
        }

        /** @param value the {@code server} section @return this builder */
        public Builder server(ServerConfig value) {
            this.server = Objects.requireNonNull(value, "server");
            return this;
        }

        /** @param value the {@code limits} section @return this builder */
        public Builder limits(LimitsConfig value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** @param value the {@code protocol} section @return this builder */
        public Builder protocol(ProtocolConfig value) {
            this.protocol = Objects.requireNonNull(value, "protocol");
            return this;
        }

        /** @param value the {@code http} section @return this builder */
        public Builder http(HttpConfig value) {
            this.http = Objects.requireNonNull(value, "http");
            return this;
        }

        /** @param value the {@code connect-actions} section @return this builder */
        public Builder connectActions(ConnectActionsConfig value) {
            this.connectActions = Objects.requireNonNull(value, "connectActions");
            return this;
        }

        /** @param value the {@code execution} section @return this builder */
        public Builder execution(ExecutionConfig value) {
            this.execution = Objects.requireNonNull(value, "execution");
            return this;
        }

        /** @param value the {@code admin} section @return this builder */
        public Builder admin(AdminConfig value) {
            this.admin = Objects.requireNonNull(value, "admin");
            return this;
        }

        /** @param value the {@code tls} section @return this builder */
        public Builder tls(TlsConfig value) {
            this.tls = Objects.requireNonNull(value, "tls");
            return this;
        }

        /** @param value the {@code logging} section @return this builder */
        public Builder logging(LoggingConfig value) {
            this.logging = Objects.requireNonNull(value, "logging");
            return this;
        }

        /** @param value the {@code shutdown} section @return this builder */
        public Builder shutdown(ShutdownConfig value) {
            this.shutdown = Objects.requireNonNull(value, "shutdown");
            return this;
        }

        /** @param value the {@code recovery} section @return this builder */
        public Builder recovery(RecoveryConfig value) {
            this.recovery = Objects.requireNonNull(value, "recovery");
            return this;
        }

        /** @param value the {@code auth} section @return this builder */
        public Builder auth(AuthConfig value) {
            this.auth = Objects.requireNonNull(value, "auth");
            return this;
        }

        /**
         * @return the configuration
         * @throws ConfigException naming the key when a value is out of range (as {@link ConfigLoader} checks)
         */
        public KaliConfig build() {
            KaliConfig config = new KaliConfig(server, limits, protocol, http, connectActions, execution, admin, tls,
                    logging, shutdown, recovery, auth);
            ConfigValidator.validate(config);
            return config;
        }
    }
}
