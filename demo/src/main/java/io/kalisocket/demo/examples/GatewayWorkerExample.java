package io.kalisocket.demo.examples;

import io.kalisocket.KaliServer;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.ConnectActionsConfig;
import io.kalisocket.config.KaliConfig;
import java.util.Map;

/**
 * The seed page's second example, "Workerman Gateway方式 Websocket", in KaliSocket: connect actions on
 * (connect runs {@code ct} default {@code index}, {@code ac} default {@code online}; close runs
 * {@code offline} on that controller) and a {@link GatewayEvents} class for the rest. Controllers are the
 * demo chat app's, so a client gets its {@code welcome} on connect.
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
        KaliServer server = KaliServer.create(withActions).controllers("io.kalisocket.demo.controller").cache(cache);
        return server.events(new GatewayEvents(server::dispatcher, cache,
                config.protocol().heartbeatPing(), config.protocol().heartbeatPong()));
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
