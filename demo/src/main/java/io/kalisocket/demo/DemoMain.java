package io.kalisocket.demo;

import io.kalisocket.KaliServer;
import io.kalisocket.cluster.Cluster;
import io.kalisocket.cluster.ClusterConfig;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.db.DbConfig;
import io.kalisocket.gateway.PresenceConfig;
import io.kalisocket.launcher.AppOptions;
import io.kalisocket.launcher.KaliLauncher;
import java.util.Optional;

/**
 * The demo's front door: {@code java -jar demo/target/kalisocket-demo.jar [run|status|connections|stop] [flags]}.
 * It is one user of {@link KaliLauncher}: the launcher's command line, plus the demo's own flags for its database
 * and Redis, and the demo's defaults ({@link DemoApp#DEFAULTS}). Exit status as the launcher's: 0 after a clean
 * run or command, 2 for a bad command line, configuration or start, 3 when a command finds no server.
 */
public final class DemoMain {

    private DemoMain() {
    }

    /** @param args the command and flags (see {@code --help}) */
    public static void main(String[] args) {
        KaliLauncher.builder()
                .program("java -jar kalisocket-demo.jar")
                .defaults(DemoApp.DEFAULTS)
                .option("--db-url", "URL", "JDBC URL (default: H2 in memory)")
                .option("--db-user", "USER", "database user")
                .secretOption("--db-password", "PASS", "database password (\"\" for none)")
                .option("--redis", "URI", "Redis for cache and cluster, e.g. redis://127.0.0.1:6379")
                .run(args, DemoMain::server);
    }

    /**
     * @param config the configuration
     * @param options the demo's flags
     * @return the demo on the database its flags name (H2 in memory by default), in a cluster when
     *     {@code --redis} is given
     */
    static KaliServer server(KaliConfig config, AppOptions options) {
        DbConfig database = options.value("--db-url")
                .map(url -> DbConfig.of(url, options.value("--db-user").orElse(""),
                        options.value("--db-password").orElse("")))
                .orElseGet(DbConfig::defaults);
        Optional<String> redis = options.value("--redis");
        KaliServer server = DemoApp.server(config, database, PresenceConfig.defaults(), redis.isPresent());
        // --redis joins the cluster: several demo processes are one chat (docs/CLUSTER.md).
        redis.ifPresent(uri -> options.closeAfterStop(Cluster.join(server, ClusterConfig.of(uri))));
        return server;
    }
}
