package io.kalisocket.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's command line, its single front door: {@code [run|status|connections|stop] [flags]}. Flags that are
 * configuration become dotted overrides (applied after the file and the environment); the database and Redis
 * flags are kept for the application to wire. Unknown flags are an error.
 *
 * @param command what to do; {@code run} when none is given
 * @param configFile the YAML file ({@code --config}), if given
 * @param overrides dotted config keys set by flags
 * @param printConfig {@code --print-config}: print the effective configuration (secrets masked) and exit
 * @param dbUrl {@code --db-url}: the JDBC URL; empty means the embedded default (H2 in memory)
 * @param dbUser {@code --db-user}
 * @param dbPassword {@code --db-password}; present and empty means "no password"
 * @param redisUri {@code --redis}: e.g. {@code redis://host:6379}; empty means one node, local cache
 */
public record DemoCommandLine(
        Command command,
        Optional<Path> configFile,
        Map<String, String> overrides,
        boolean printConfig,
        Optional<String> dbUrl,
        Optional<String> dbUser,
        Optional<String> dbPassword,
        Optional<String> redisUri) {

    /** The usage line, printed after every command-line error. */
    public static final String USAGE = """
            usage: java -jar kalisocket-demo.jar [run|status|connections|stop] [flags]
              run (default)   start the chat server; SIGTERM stops it gracefully
              status          print a running server's status (from its admin endpoint) and exit
              connections     print a running server's open connections and exit
              stop            ask a running server to stop gracefully, as SIGTERM does
            flags:
              --host HOST            server.host (default 127.0.0.1)
              --port PORT            server.port (default 9527)
              --config FILE          YAML configuration (see docs/CONFIG.md)
              --admin-port PORT      admin.port, and turns the admin endpoint on (default 9528)
              --admin-token TOKEN    admin.token: bearer token for the admin endpoint
              --node-id ID           server.node-id: 1-16 of [a-z0-9]
              --db-url URL           JDBC URL (default: H2 in memory)
              --db-user USER         database user
              --db-password PASS     database password ("" for none)
              --redis URI            Redis for cache and cluster, e.g. redis://127.0.0.1:6379
              --log-level LEVEL      logging.level: trace, debug, info, warn, error
              --log-format FORMAT    logging.format: plain or json
              --set KEY=VALUE        any configuration key, e.g. --set limits.max-connections=10000
              --print-config         print the effective configuration (secrets masked) and exit
              --help                 print this text""";

    /** What the command line asks for. */
    public enum Command {
        /** Start the server (the default). */
        RUN,
        /** Print a running server's status. */
        STATUS,
        /** Print a running server's connections. */
        CONNECTIONS,
        /** Ask a running server to stop. */
        STOP,
        /** Print the usage text. */
        HELP
    }

    /** Copies the overrides so the record stays immutable. */
    public DemoCommandLine {
        overrides = Map.copyOf(overrides);
    }

    /** Thrown for a bad command line; its message ends with the usage text. */
    public static final class UsageException extends Exception {
        UsageException(String problem) {
            super(problem + "\n" + USAGE);
        }
    }

    /**
     * @param args the arguments of {@code main}
     * @return the parsed command line
     * @throws UsageException naming the problem
     */
    public static DemoCommandLine parse(String... args) throws UsageException {
        Command command = Command.RUN;
        Path config = null;
        boolean print = false;
        Map<String, String> overrides = new LinkedHashMap<>();
        Map<String, String> app = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i == 0 && !flag.startsWith("-")) {
                command = command(flag);
                continue;
            }
            if (flag.equals("--print-config")) {
                print = true;
                continue;
            }
            if (flag.equals("--help") || flag.equals("-h")) {
                command = Command.HELP;
                continue;
            }
            if (!flag.startsWith("--")) {
                throw new UsageException("unexpected argument: " + flag);
            }
            String value;
            int eq = flag.indexOf('=');
            if (eq > 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException("missing value for " + flag);
            }
            switch (flag) {
                case "--host" -> overrides.put("server.host", value);
                case "--port" -> overrides.put("server.port", value);
                case "--config" -> config = Path.of(value);
                case "--admin-port" -> {
                    overrides.put("admin.port", value);
                    overrides.put("admin.enabled", "true");
                }
                case "--admin-token" -> overrides.put("admin.token", value);
                case "--node-id" -> overrides.put("server.node-id", value);
                case "--log-level" -> overrides.put("logging.level", value);
                case "--log-format" -> overrides.put("logging.format", value);
                case "--set" -> set(overrides, value);
                case "--db-url", "--db-user", "--db-password", "--redis" -> app.put(flag, value);
                default -> throw new UsageException("unknown flag: " + flag);
            }
        }
        return new DemoCommandLine(command, Optional.ofNullable(config), overrides, print,
                Optional.ofNullable(app.get("--db-url")), Optional.ofNullable(app.get("--db-user")),
                Optional.ofNullable(app.get("--db-password")), Optional.ofNullable(app.get("--redis")));
    }

    private static Command command(String word) throws UsageException {
        return switch (word) {
            case "run" -> Command.RUN;
            case "status" -> Command.STATUS;
            case "connections" -> Command.CONNECTIONS;
            case "stop" -> Command.STOP;
            case "help" -> Command.HELP;
            default -> throw new UsageException("unknown command: " + word);
        };
    }

    private static void set(Map<String, String> overrides, String assignment) throws UsageException {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("--set needs KEY=VALUE, got: " + assignment);
        }
        overrides.put(assignment.substring(0, eq).trim(), assignment.substring(eq + 1));
    }
}
