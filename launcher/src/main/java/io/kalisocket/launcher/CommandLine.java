package io.kalisocket.launcher;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed command line: {@code [run|status|connections|stop] [flags]}. Flags that are configuration become
 * dotted overrides, applied after the file and the environment; the application's own flags are kept for it.
 * Both {@code --port 9000} and {@code --port=9000} work; an unknown flag is an error, never ignored.
 *
 * @param command what to do; {@link Command#RUN} when none is given
 * @param configFile the YAML file ({@code --config}), if given
 * @param overrides dotted configuration keys set by flags
 * @param printConfig {@code --print-config}: print the effective configuration and exit
 * @param appValues the application's flags that were given, by flag
 */
record CommandLine(Command command, Optional<Path> configFile, Map<String, String> overrides, boolean printConfig,
        Map<String, String> appValues) {

    /** What the command line asks for. */
    enum Command {
        /** Start the server (the default). */
        RUN,
        /** Print a running server's status. */
        STATUS,
        /** Print a running server's connections. */
        CONNECTIONS,
        /** Ask a running server to stop. */
        STOP,
        /** Print the usage text. */
        HELP,
        /** Print the version. */
        VERSION
    }

    /** The launcher's flags that take a value and set configuration keys (or name the file). */
    static final Set<String> VALUE_FLAGS = Set.of("--host", "--port", "--config", "--admin-port", "--admin-token",
            "--node-id", "--log-level", "--log-format", "--set");

    CommandLine {
        overrides = Map.copyOf(overrides);
        appValues = Map.copyOf(appValues);
    }

    /**
     * @param appFlags the application's own flags
     * @param args the arguments of {@code main}
     * @return the parsed command line
     * @throws UsageException naming the first problem
     */
    static CommandLine parse(List<AppFlag> appFlags, String... args) throws UsageException {
        Set<String> appNames = AppFlag.names(appFlags);
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
            switch (flag) {
                case "--print-config" -> print = true;
                case "--help", "-h" -> command = Command.HELP;
                case "--version" -> command = Command.VERSION;
                default -> {
                    if (!flag.startsWith("--")) {
                        throw new UsageException("unexpected argument: " + flag);
                    }
                    int eq = flag.indexOf('=');
                    String name = eq > 0 ? flag.substring(0, eq) : flag;
                    if (!VALUE_FLAGS.contains(name) && !appNames.contains(name)) {
                        throw new UsageException("unknown flag: " + name);
                    }
                    String value;
                    if (eq > 0) {
                        value = flag.substring(eq + 1);
                    } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        value = args[++i];
                    } else {
                        throw new UsageException("missing value for " + name);
                    }
                    if (appNames.contains(name)) {
                        app.put(name, value);
                    } else if (name.equals("--config")) {
                        config = Path.of(value);
                    } else {
                        configure(overrides, name, value);
                    }
                }
            }
        }
        return new CommandLine(command, Optional.ofNullable(config), overrides, print, app);
    }

    private static void configure(Map<String, String> overrides, String flag, String value) throws UsageException {
        switch (flag) {
            case "--host" -> overrides.put("server.host", value);
            case "--port" -> overrides.put("server.port", value);
            case "--admin-port" -> {
                overrides.put("admin.port", value);
                overrides.put("admin.enabled", "true");
            }
            case "--admin-token" -> overrides.put("admin.token", value);
            case "--node-id" -> overrides.put("server.node-id", value);
            case "--log-level" -> overrides.put("logging.level", value);
            case "--log-format" -> overrides.put("logging.format", value);
            case "--set" -> set(overrides, value);
            default -> throw new IllegalStateException("flag without a key: " + flag);
        }
    }

    private static Command command(String word) throws UsageException {
        return switch (word) {
            case "run" -> Command.RUN;
            case "status" -> Command.STATUS;
            case "connections" -> Command.CONNECTIONS;
            case "stop" -> Command.STOP;
            case "help" -> Command.HELP;
            case "version" -> Command.VERSION;
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
