package io.kalisocket.demo;

import io.kalisocket.KaliServer;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.db.DbConfig;
import io.kalisocket.demo.chat.DbMessageStore;
import io.kalisocket.demo.chat.DemoDatabase;
import io.kalisocket.demo.connect.Arrivals;
import io.kalisocket.demo.connect.IndexController;
import io.kalisocket.demo.connect.InlineIndexController;
import io.kalisocket.demo.controller.RoomController;
import io.kalisocket.demo.login.LoginEndpoint;
import io.kalisocket.gateway.Presence;
import io.kalisocket.gateway.PresenceConfig;
import java.util.Map;

/** The demo chat app's wiring, shared by {@link DemoMain} and the tests. */
public final class DemoApp {

    /** Settings the demo uses unless the command line or file say otherwise. */
    public static final Map<String, String> DEFAULTS = Map.of(
            "server.static-root", "public",
            "connect-actions.enabled", "true",
            "recovery.enabled", "true");

    private DemoApp() {
    }

    /**
     * The demo on its embedded database (H2 in memory).
     *
     * @param config the configuration
     * @return the demo server, ready to start
     */
    public static KaliServer server(KaliConfig config) {
        return server(config, DbConfig.defaults());
    }

    /**
     * The demo on a given database: rooms keep their history there.
     *
     * @param config the configuration
     * @param database where the history goes
     * @return the demo server, ready to start
     */
    public static KaliServer server(KaliConfig config, DbConfig database) {
        return server(config, database, PresenceConfig.defaults());
    }

    /**
     * The demo on a given database, telling arrivals and departures as {@code presence} frames.
     *
     * @param config the configuration
     * @param database where the history goes
     * @param presenceConfig how often {@code presence} frames go out and how many entries each carries
     * @return the demo server, ready to start
     */
    public static KaliServer server(KaliConfig config, DbConfig database, PresenceConfig presenceConfig) {
        return server(config, database, presenceConfig, false);
    }

    /**
     * The demo as one node of a cluster, or alone.
     *
     * @param config the configuration
     * @param database where the history goes
     * @param presenceConfig how often {@code presence} frames go out and how many entries each carries
     * @param clustered true when the server is to join a cluster: its connect actions then run on action threads,
     *     since each gateway call waits on Redis; alone they run on the event loop ({@link InlineIndexController})
     * @return the demo server, ready to start (and to join its cluster)
     */
    public static KaliServer server(KaliConfig config, DbConfig database, PresenceConfig presenceConfig,
            boolean clustered) {
        DemoDatabase db = new DemoDatabase(database);
        Presence presence = new Presence(presenceConfig);
        Arrivals arrivals = new Arrivals(presence);
        KaliServer server = KaliServer.create(config)
                .controllers("io.kalisocket.demo.controller")
                .controller(clustered ? new IndexController(arrivals) : new InlineIndexController(arrivals))
                .controller(new RoomController(new DbMessageStore(db)))
                .statusSection("db", db::status);
        // With auth.jwt.secret, POST /login hands out tokens for the page (a demo's, not an identity provider).
        LoginEndpoint.forServer(config.auth().jwt(), () -> server.clock().instant())
                .ifPresent(login -> server.http("/login", login));
        // One timer for the node, on the server's clock (a test's fake one too), through the server's gateway (the
        // cluster's with --redis, so every node's clients hear of this node's arrivals).
        return server
                .onWorkerStart(worker -> {
                    if (worker.id() == 0) {
                        db.open();
                        presence.start(server.gateway(), server.clock());
                    }
                })
                .onWorkerStop(worker -> {
                    if (worker.id() == 0) {
                        presence.close();
                        db.close();
                    }
                });
    }
}
