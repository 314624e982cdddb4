package io.kalisocket.launcher;

import io.kalisocket.config.ServerConfig;
import java.util.List;
import java.util.Map;

/** The usage text: the launcher's commands and flags, then the application's own flags. */
final class Usage {

    private Usage() {
    }

    /**
     * @param program how the application is started, e.g. {@code java -jar quickstart.jar}
     * @param defaults the application's defaults (dotted keys), to show the defaults that apply
     * @param appFlags the application's own flags
     * @return the text, without a final line break
     */
    static String text(String program, Map<String, String> defaults, List<AppFlag> appFlags) {
        ServerConfig server = ServerConfig.defaults();
        String host = defaults.getOrDefault("server.host", server.host());
        String port = defaults.getOrDefault("server.port", String.valueOf(server.port()));
        boolean admin = Boolean.parseBoolean(defaults.getOrDefault("admin.enabled", "true"));
        StringBuilder text = new StringBuilder();
        text.append("usage: ").append(program).append(" [run|status|connections|stop] [flags]\n")
                .append("  run (default)   start the server; SIGTERM stops it gracefully\n")
                .append("  status          print a running server's status (from its admin endpoint) and exit\n")
                .append("  connections     print a running server's open connections and exit\n")
                .append("  stop            ask a running server to stop gracefully, as SIGTERM does\n")
                .append("flags:\n");
        line(text, "--host HOST", "server.host (default " + host + ")");
        line(text, "--port PORT", "server.port (default " + port + ")");
        line(text, "--config FILE", "YAML configuration (default: none; see docs/CONFIG.md)");
        line(text, "--admin-port PORT", "admin.port, and turns the admin endpoint on (default: "
                + (admin ? "on" : "off") + ", at the server port + 1)");
        line(text, "--admin-token TOKEN", "admin.token: bearer token for the admin endpoint");
        line(text, "--node-id ID", "server.node-id: 1-16 of [a-z0-9]");
        line(text, "--log-level LEVEL", "logging.level: trace, debug, info, warn, error");
        line(text, "--log-format FORMAT", "logging.format: plain or json");
        line(text, "--set KEY=VALUE", "any configuration key, e.g. --set limits.max-connections=10000");
        line(text, "--print-config", "print the effective configuration (secrets masked) and exit");
        line(text, "--version", "print the version and exit");
        line(text, "--help", "print this text");
        if (!appFlags.isEmpty()) {
            text.append("application flags:\n");
            for (AppFlag flag : appFlags) {
                line(text, flag.name() + " " + flag.valueName(), flag.help());
            }
        }
        text.setLength(text.length() - 1);
        return text.toString();
    }

    private static void line(StringBuilder text, String flag, String help) {
        text.append(String.format("  %-22s %s%n", flag, help).replace(System.lineSeparator(), "\n"));
    }
}
