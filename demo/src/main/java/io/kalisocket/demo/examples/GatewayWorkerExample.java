package io.kalisocket.demo.examples;

import io.kalisocket.KaliServer;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.ConnectActionsConfig;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.demo.connect.Arrivals;
import io.kalisocket.demo.connect.InlineIndexController;
import io.kalisocket.gateway.Presence;
import io.kalisocket.gateway.PresenceConfig;
import java.util.Map;

/**
 * The seed page's second example, "Workerman Gateway方式 Websocket", in KaliSocket: connect actions on
 * (connect runs {@code ct} default {@code index}, {@code ac} default {@code online}; close runs
 * {@code offline} on that controller) and a {@link GatewayEvents} class for the rest. Controllers are the
 * demo chat app's, so a client gets its {@code welcome} on connect and everyone a {@code presence} frame each second
 * that had arrivals or departures.
 *
 * <p>The ready pipeline does all of {@link GatewayEvents#onMessage} by itself: pass an {@code Events} class
 * that does not override {@code onMessage} and keep only what is yours.
 */
public final class GatewayWorkerExample {

    private GatewayWorkerExample() {
    }

    /**
     * @param config where to listen; connect actions are switched on whatever it says
     * @return the server, ready to {@code start()} or {@code bind()}
     */
    public static KaliServer create(KaliConfig config) {
        ConnectActionsConfig actions = config.connectActions();
        KaliConfig withActions = config.toBuilder().connectActions(new ConnectActionsConfig(true,
                actions.connectController(), actions.connectAction(), actions.closeAction())).build();
        Cache cache = Cache.local();
        Presence presence = new Presence(PresenceConfig.defaults());
        KaliServer server = KaliServer.create(withActions).controllers("io.kalisocket.demo.controller")
                .controller(new InlineIndexController(new Arrivals(presence))).cache(cache);
        GatewayEvents events = new GatewayEvents(server::dispatcher, cache,
                config.protocol().heartbeatPing(), config.protocol().heartbeatPong());
        // Workerman's Timer::add in onWorkerStart: the presence timer starts with the first worker, ends with it.
        return server.events(events)
                .onWorkerStart(worker -> {
                    events.onWorkerStart(worker);
                    if (worker.id() == 0) {
                        presence.start(server.gateway(), server.clock());
                    }
                })
                .onWorkerStop(worker -> {
                    if (worker.id() == 0) {
                        presence.close();
                    }
                    events.onWorkerStop(worker);
                });
    }

    /**
     * Starts the example on {@code ws://0.0.0.0:9527/}.
     *
     * @param args unused
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        create(ConfigLoader.of(Map.of("server.host", "0.0.0.0"))).start();
    }
}
