package io.kalisocket.launcher;

import io.kalisocket.KaliServer;
import io.kalisocket.config.KaliConfig;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * An application's front door, in one call from {@code main}:
 * <pre>{@code
 * public static void main(String[] args) {
 *     KaliLauncher.run(args, config -> KaliServer.create(config).controllers("app"));
 * }
 * }</pre>
 * The application then has KaliSocket's whole command line: the commands {@code run} (the default),
 * {@code status}, {@code connections} and {@code stop}, and the flags {@code --host --port --config --admin-port
 * --admin-token --node-id --set KEY=VALUE --log-level --log-format --print-config --version --help} (see
 * {@code --help}). The configuration is layered as {@link io.kalisocket.config.ConfigLoader} does: defaults, then
 * the YAML file named by {@code --config} (none by default), the {@code KALISOCKET_*} environment, the flags.
 * {@code run} starts the server and blocks until SIGTERM, SIGINT or the {@code stop} command stops it gracefully.
 *
 * <p>Logging works out of the box: unless the application brings its own Logback configuration, KaliSocket and
 * the application log at {@code logging.level} (info) and the libraries at WARN, in {@code logging.format}
 * (plain or json).
 *
 * <p>The admin endpoint ({@code /status}, {@code /metrics}, and what {@code status} and {@code stop} talk to) is
 * on by default here, on loopback at the server port + 1: a launched application is a service with one server
 * per process. {@code admin.enabled: false} turns it off.
 *
 * <p>Exit status: 0 after a clean run or command; 2 for a bad command line, a bad configuration or a server that
 * could not start (a port in use), each told in one line on stderr; 3 when {@code status}, {@code connections} or
 * {@code stop} finds no server. An application adds flags and defaults of its own through {@link #builder()}.
 */
public final class KaliLauncher {

    /** The launcher's defaults, under the application's: the admin endpoint is on (see the class comment). */
    static final Map<String, String> DEFAULTS = Map.of("admin.enabled", "true");

    private KaliLauncher() {
    }

    /**
     * Runs the command line with the launcher's defaults and flags, then exits the JVM with the exit status.
     *
     * @param args the arguments of {@code main}
     * @param app makes the server from the configuration (for {@code run})
     */
    public static void run(String[] args, Function<KaliConfig, KaliServer> app) {
        Objects.requireNonNull(app, "app");
        builder().run(args, (config, options) -> app.apply(config));
    }

    /** @return a builder for an application with flags or defaults of its own */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The launcher with an application's own defaults and flags, e.g.
     * <pre>{@code
     * KaliLauncher.builder()
     *         .defaults(Map.of("server.static-root", "public"))
     *         .option("--redis", "URI", "Redis for cache and cluster")
     *         .run(args, (config, options) -> server(config, options.value("--redis")));
     * }</pre>
     */
    public static final class Builder {

        private String program = programName();
        private final Map<String, String> defaults = new HashMap<>(DEFAULTS);
        private final List<AppFlag> flags = new ArrayList<>();

        private Builder() {
        }

        /**
         * @param command how the application is started, shown in the usage line; default {@code java -jar
         *     <the jar>.jar} or {@code java <main class>}, as this JVM was started
         * @return this builder
         */
        public Builder program(String command) {
            this.program = Objects.requireNonNull(command, "command");
            return this;
        }

        /**
         * Adds the application's configuration defaults: dotted keys, applied before the file, the environment
         * and the flags (so any of them overrides these). Keys are checked as every other source's.
         *
         * @param keys e.g. {@code Map.of("server.static-root", "public")}
         * @return this builder
         */
        public Builder defaults(Map<String, String> keys) {
            defaults.putAll(keys);
            return this;
        }

        /**
         * Adds a flag of the application's own, taking a value; read it with {@link AppOptions#value(String)}.
         * {@code --print-config} shows it with the password of a URL ({@code redis://:pw@host},
         * {@code password=pw}) masked.
         *
         * @param flag e.g. {@code --redis}: lower case, digits and dashes
         * @param valueName the value's name in the usage text, e.g. {@code URI}
         * @param help one line for the usage text
         * @return this builder
         * @throws IllegalArgumentException when the flag is malformed or already taken
         */
        public Builder option(String flag, String valueName, String help) {
            return add(new AppFlag(flag, valueName, help, false));
        }

        /**
         * Adds a flag whose value is a secret: as {@link #option}, but {@code --print-config} masks it entirely.
         *
         * @param flag e.g. {@code --db-password}
         * @param valueName the value's name in the usage text
         * @param help one line for the usage text
         * @return this builder
         * @throws IllegalArgumentException when the flag is malformed or already taken
         */
        public Builder secretOption(String flag, String valueName, String help) {
            return add(new AppFlag(flag, valueName, help, true));
        }

        /**
         * Runs the command line, then exits the JVM with the exit status (see {@link KaliLauncher}).
         *
         * @param args the arguments of {@code main}
         * @param app makes the server from the configuration and the application's flags (for {@code run})
         */
        public void run(String[] args, ServerFactory app) {
            System.exit(execute(args, System.out, System.err, app));
        }

        /**
         * Runs the command line without exiting the JVM (what the tests call).
         *
         * @param args the arguments of {@code main}
         * @param out where results go
         * @param err where problems go
         * @param app makes the server (for {@code run})
         * @return the exit status: 0, 2 or 3 (see {@link KaliLauncher})
         */
        int execute(String[] args, PrintStream out, PrintStream err, ServerFactory app) {
            Objects.requireNonNull(app, "app");
            return new Launch(program, Map.copyOf(defaults), List.copyOf(flags), System.getenv(), out, err)
                    .execute(args, app);
        }

        private Builder add(AppFlag flag) {
            Set<String> taken = AppFlag.names(flags);
            if (CommandLine.VALUE_FLAGS.contains(flag.name()) || taken.contains(flag.name())
                    || Set.of("--print-config", "--version", "--help").contains(flag.name())) {
                throw new IllegalArgumentException(flag.name() + " is already a flag");
            }
            flags.add(flag);
            return this;
        }

        /** @return {@code java -jar app.jar} or {@code java app.Main}, from how this JVM was started */
        private static String programName() {
            String command = System.getProperty("sun.java.command", "").split(" ", 2)[0];
            if (command.endsWith(".jar")) {
                return "java -jar " + Path.of(command).getFileName();
            }
            return command.isEmpty() ? "java -jar app.jar" : "java " + command;
        }
    }
}
