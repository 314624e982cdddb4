package io.kalisocket.demo;

import io.kalisocket.KaliServer;
import io.kalisocket.admin.AdminCommand;
import io.kalisocket.cluster.Cluster;
import io.kalisocket.cluster.ClusterConfig;
import io.kalisocket.config.ConfigException;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.config.Secrets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The demo's front door: {@code java -jar demo/target/kalisocket-demo.jar [run|status|connections|stop] [flags]}
 * (see {@link DemoCommandLine#USAGE}). Exit status: 0 after a clean run or command, 2 for a bad command line or
 * configuration, 3 when {@code status}, {@code connections} or {@code stop} finds no server.
 */
public final class DemoMain {

    /** Exit status for a bad command line or configuration. */
    static final int BAD_USAGE = 2;

    private DemoMain() {
    }

    /**
     * @param args the command and flags
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        DemoCommandLine line;
        KaliConfig config;
        try {
            line = DemoCommandLine.parse(args);
            config = load(line);
        } catch (DemoCommandLine.UsageException e) {
            System.err.println(e.getMessage());
            System.exit(BAD_USAGE);
            return;
        } catch (ConfigException e) {
            System.err.println("configuration: " + e.getMessage());
            System.exit(BAD_USAGE);
            return;
        }
        if (line.command() == DemoCommandLine.Command.HELP) {
            System.out.println(DemoCommandLine.USAGE);
            return;
        }
        if (line.printConfig()) {
            System.out.print(printable(config, line));
            return;
        }
        if (line.command() != DemoCommandLine.Command.RUN) {
            String command = line.command().name().toLowerCase(Locale.ROOT);
            System.exit(AdminCommand.run(command, config, System.out, System.err));
            return;
        }
        // Read by the demo's logback.xml; set before the first logger exists.
        System.setProperty("kalisocket.logging.level", config.logging().level());
        System.setProperty("kalisocket.logging.format", config.logging().format());
        KaliServer server = DemoApp.server(config, DemoApp.database(line));
        // --redis joins the cluster: several demo processes are one chat (docs/CLUSTER.md).
        Optional<Cluster> cluster = line.redisUri().map(uri -> Cluster.join(server, ClusterConfig.of(uri)));
        server.start();
        cluster.ifPresent(Cluster::close);
        System.exit(0);
    }

    /**
     * @param line the parsed command line
     * @return the configuration: the demo's defaults, then the file, the environment and the flags (later wins)
     * @throws ConfigException naming the key when something is wrong
     */
    static KaliConfig load(DemoCommandLine line) {
        Map<String, String> defaults = new HashMap<>(DemoApp.DEFAULTS);
        // The demo runs as a service: its admin endpoint is on unless the configuration says otherwise.
        defaults.putIfAbsent("admin.enabled", "true");
        return ConfigLoader.load(defaults, line.configFile(), System.getenv(), line.overrides());
    }

    /** @return the effective configuration and the application's flags, secrets masked */
    static String printable(KaliConfig config, DemoCommandLine line) {
        StringBuilder out = new StringBuilder(Secrets.printable(config));
        out.append("# application flags (not configuration keys)\n");
        out.append("db-url: ").append(quoted(line.dbUrl().map(DemoMain::maskUrl))).append('\n');
        out.append("db-user: ").append(quoted(line.dbUser())).append('\n');
        out.append("db-password: ").append(quoted(line.dbPassword().map(Secrets::mask))).append('\n');
        out.append("redis: ").append(quoted(line.redisUri().map(DemoMain::maskUrl))).append('\n');
        return out.toString();
    }

    /** Masks the password of {@code scheme://user:password@host} and of a {@code password=} parameter. */
    static String maskUrl(String url) {
        return url.replaceAll("(://[^/@:]*:)[^/@]*@", "$1" + Secrets.MASK + "@")
                .replaceAll("(?i)(password=)[^&;]*", "$1" + Secrets.MASK);
    }

    private static String quoted(Optional<String> value) {
        return value.map(v -> "\"" + v.replace("\"", "\\\"") + "\"").orElse("null");
    }
}
