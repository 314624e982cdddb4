package io.kalisocket.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Range checks with messages that name the key, run on every loaded or built configuration. Every check runs, so
 * that an operator sees every problem of a configuration at once, not one per attempt.
 */
final class ConfigValidator {

    private static final Pattern NODE_ID = Pattern.compile("[a-z0-9]{1,16}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final List<String> problems = new ArrayList<>();

    private ConfigValidator() {
    }

    /** @throws ConfigException listing every problem of the configuration, one per line, when there is any */
    static void validate(KaliConfig c) {
        List<String> found = problems(c);
        if (!found.isEmpty()) {
            throw new ConfigException(String.join("\n", found));
        }
    }

    /** @return every problem of the configuration, each {@code key: problem}, in the order of the sections */
    static List<String> problems(KaliConfig c) {
        ConfigValidator v = new ConfigValidator();
        v.checkAll(c);
        return v.problems;
    }

    private void checkAll(KaliConfig c) {
        ServerConfig s = c.server();
        check(s.port() >= 0 && s.port() <= 65535, "server.port", s.port() + " is not a port (1-65535, or 0 for any free port)");
        check(s.workerThreads() >= 0, "server.worker-threads", s.workerThreads() + " must be 0 (one per core) or more");
        check(s.path().startsWith("/"), "server.path", "'" + s.path() + "' must start with /");
        check(s.transport().matches("auto|epoll|nio"), "server.transport", "'" + s.transport() + "' must be auto, epoll or nio");
        check(s.nodeId().isEmpty() || NODE_ID.matcher(s.nodeId()).matches(), "server.node-id",
                "'" + s.nodeId() + "' must be 1-16 characters of [a-z0-9]");
        LimitsConfig l = c.limits();
        check(l.maxMessageBytes() >= 125, "limits.max-message-bytes", l.maxMessageBytes() + " must be at least 125");
        check(l.maxConnections() >= 0, "limits.max-connections", "must be 0 (unlimited) or more");
        check(l.maxConnectionsPerIp() >= 0, "limits.max-connections-per-ip", "must be 0 (unlimited) or more");
        check(l.messagesPerSecond() > 0, "limits.messages-per-second", "must be positive");
        check(l.messageBurst() > 0, "limits.message-burst", "must be positive");
        check(l.closeAfterRateLimited() >= 0, "limits.close-after-rate-limited", "must be 0 (never) or more");
        positive(l.handshakeTimeout(), "limits.handshake-timeout");
        positive(l.idleTimeout(), "limits.idle-timeout");
        check(l.outboundLowWaterMark() > 0 && l.outboundLowWaterMark() <= l.outboundHighWaterMark(),
                "limits.outbound-low-water-mark", "must be positive and not above limits.outbound-high-water-mark");
        check(l.maxQueuedPerConnection() > 0, "limits.max-queued-per-connection", "must be positive");
        check(l.handshakesPerIpPerSecond() >= 0, "limits.handshakes-per-ip-per-second", "must be 0 (unlimited) or more");
        ProtocolConfig p = c.protocol();
        check(!p.heartbeatPing().isEmpty(), "protocol.heartbeat-ping", "must not be empty");
        check(!p.heartbeatPong().isEmpty(), "protocol.heartbeat-pong", "must not be empty");
        positive(p.receiptWindow(), "protocol.receipt-window");
        check(p.receiptCapacity() > 0, "protocol.receipt-capacity", "must be positive");
        for (String cidr : c.http().trustedProxies()) {
            try {
                Cidr.parse(cidr);
            } catch (IllegalArgumentException e) {
                problems.add("http.trusted-proxies: " + e.getMessage());
            }
        }
        ConnectActionsConfig ca = c.connectActions();
        check(NAME.matcher(ca.connectController()).matches(), "connect-actions.connect-controller",
                "must match [A-Za-z0-9_]{1,64}");
        check(NAME.matcher(ca.connectAction()).matches(), "connect-actions.connect-action", "must match [A-Za-z0-9_]{1,64}");
        check(NAME.matcher(ca.closeAction()).matches(), "connect-actions.close-action", "must match [A-Za-z0-9_]{1,64}");
        ExecutionConfig e = c.execution();
        check(e.virtualThreads().matches("auto|on|off"), "execution.virtual-threads", "'" + e.virtualThreads() + "' must be auto, on or off");
        check(e.poolSize() >= 0, "execution.pool-size", "must be 0 (automatic) or more");
        check(e.poolMin() >= 0, "execution.pool-min", "must be 0 (one per core) or more");
        check(e.maxQueuedTotal() >= 0, "execution.max-queued-total", "must be 0 (no limit) or more");
        check(e.poolMin() <= e.effectivePoolSize(), "execution.pool-min", e.poolMin() + " is above execution.pool-size "
                + e.effectivePoolSize() + (e.poolSize() == 0 ? " (its default here: max(16, 8 x cores))" : ""));
        AdminConfig a = c.admin();
        if (a.port() == s.port() + 1 && a.port() > 65535) {
            // The rule's server.port + 1 when server.port is the last port: a problem only when the endpoint is on.
            check(!a.enabled(), "admin.port", "server.port is 65535, so server.port + 1 is not a port: set admin.port");
        } else {
            check(a.port() >= 0 && a.port() <= 65535, "admin.port",
                    a.port() + " is not a port (1-65535, or 0 for any free port)");
        }
        check(!a.host().isBlank(), "admin.host", "must not be empty");
        check(!a.enabled() || a.port() == 0 || a.port() != s.port(), "admin.port",
                a.port() + " is also server.port; the admin endpoint needs a port of its own");
        check(!a.tls() || c.tls().enabled(), "admin.tls", "needs tls.enabled and its certificate");
        TlsValidator.validate(c.tls(), this);
        LoggingConfig log = c.logging();
        check(log.level().toLowerCase(Locale.ROOT).matches("trace|debug|info|warn|error|off"),
                "logging.level", "'" + log.level() + "' must be trace, debug, info, warn, error or off");
        check(log.format().matches("plain|json"), "logging.format", "'" + log.format() + "' must be plain or json");
        check(log.connections().matches("summary|each|off"), "logging.connections",
                "'" + log.connections() + "' must be summary, each or off");
        check(!c.shutdown().grace().isNegative(), "shutdown.grace", "must be 0 or more");
        RecoveryConfig r = c.recovery();
        positive(r.window(), "recovery.window");
        check(r.maxMessages() > 0, "recovery.max-messages", "must be positive");
        check(r.maxBytes() > 0, "recovery.max-bytes", "must be positive");
        AuthValidator.validate(c.auth(), this);
    }

    private void positive(Duration d, String key) {
        check(!d.isNegative() && !d.isZero(), key, "must be positive");
    }

    /**
     * @param ok whether the value passes
     * @param key the dotted key, e.g. {@code server.port}
     * @param problem what is wrong, when it does not pass
     * @return {@code ok}, so that a check depending on this one can be skipped
     */
    boolean check(boolean ok, String key, String problem) {
        if (!ok) {
            problems.add(key + ": " + problem);
        }
        return ok;
    }
}
