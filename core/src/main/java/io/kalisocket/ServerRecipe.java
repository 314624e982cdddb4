package io.kalisocket;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kalisocket.auth.Authenticator;
import io.kalisocket.cache.Cache;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.http.HttpEndpoint;
import io.kalisocket.internal.auth.AuthController;
import io.kalisocket.internal.auth.ConnectionAuth;
import io.kalisocket.internal.cache.LocalCache;
import io.kalisocket.internal.logging.LoggingBackend;
import io.kalisocket.internal.mvc.ControllerSources;
import io.kalisocket.internal.mvc.RouteTable;
import io.kalisocket.internal.server.Extensions;
import io.kalisocket.internal.server.LifecycleCallbacks;
import io.kalisocket.internal.server.NettyServer;
import io.kalisocket.internal.server.ServerAssembly;
import io.kalisocket.spi.NodeExtension;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * What a {@link KaliServer} was told, frozen when it binds, and how those settings become a server: authentication
 * wraps the application's handshake callback and adds its {@code auth} controller, extensions bring their cache
 * and gateway, and {@link ServerStart} binds the ports in its safe order.
 *
 * @param config the configuration
 * @param controllers the controller classes, packages and instances
 * @param callbacks the application's lifecycle callbacks
 * @param mapper the JSON mapper, null for {@link KaliServer#defaultMapper()}
 * @param cache the receipts' cache, null for an extension's or a local one
 * @param extensions the installed extensions, in order
 * @param loader where controllers and static files are looked up
 * @param clock the clock of every timer
 * @param statusSections the application's {@code /status} sections
 * @param authenticator the application's authenticator, null for the {@code auth.jwt.*} keys' check (or none)
 * @param httpEndpoints the HTTP endpoints beside the socket, by path
 * @param meterRegistry the application's registry, null for the server's own
 */
record ServerRecipe(KaliConfig config, ControllerSources controllers, LifecycleCallbacks callbacks,
        ObjectMapper mapper, Cache cache, List<NodeExtension> extensions, ClassLoader loader, KaliClock clock,
        Map<String, Supplier<Object>> statusSections, Authenticator authenticator,
        Map<String, HttpEndpoint> httpEndpoints, MeterRegistry meterRegistry) {

    /** @return the default mapper: unknown fields are ignored when binding (params include ct, ac, ip...) */
    static ObjectMapper defaultMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // 1.5 for an int is a client's mistake to report (400), not a value to truncate to 1.
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .build();
    }

    /**
     * @param made told of the server as soon as it exists
     * @return the running server
     */
    RunningServer bind(Consumer<NettyServer> made) {
        LoggingBackend.warning(LoggerFactory.getILoggerFactory()).ifPresent(System.err::println);
        ObjectMapper json = mapper != null ? mapper : defaultMapper();
        ConnectionAuth auth = ConnectionAuth.of(config.auth(), authenticator, clock).orElse(null);
        List<Object> own = auth == null ? List.of() : List.of(new AuthController(auth)); // ct=auth: refresh
        RouteTable routes = controllers.routes(json, own, loader, callbacks.onMessage() != null);
        LifecycleCallbacks effective = auth == null ? callbacks
                : callbacks.withOnWebSocketConnect(auth.beforeUpgradeCheck(callbacks.onWebSocketConnect()));
        Extensions installed = new Extensions(extensions, clock);
        Cache store = cache != null ? cache
                : installed.cache().orElseGet(() -> new LocalCache(config.protocol().receiptCapacity(),
                        clock::nanoTime));
        return ServerStart.run(config,
                bound -> new ServerAssembly(config, clock, json, store, routes, effective, installed, loader, bound,
                        auth, httpEndpoints),
                installed.statusSections(statusSections), meterRegistry, made);
    }
}
