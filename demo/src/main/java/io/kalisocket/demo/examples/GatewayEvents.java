package io.kalisocket.demo.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.Events;
import io.kalisocket.Worker;
import io.kalisocket.cache.Cache;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Handshake;
import io.kalisocket.mvc.Dispatcher;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code Events} class of the seed page's second example, "Workerman Gateway方式 Websocket": the
 * session keeps the real IP; a message is a heartbeat or a JSON call; a call with a {@code msgid} gets a
 * receipt and runs once however often the client resends it within 5 s. Connect ({@code online}) and
 * close ({@code offline}) are run by the connect actions, as the original's {@code onWebSocketConnect} and
 * {@code onClose} do with {@code kali::run}.
 */
public final class GatewayEvents implements Events {

    /** How long a msgid is remembered (the original's {@code cache::set($key, 1, 5)}). */
    public static final Duration DEDUP_WINDOW = Duration.ofSeconds(5);

    private static final Logger log = LoggerFactory.getLogger(GatewayEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Dispatcher> dispatcher;
    private final Cache cache;
    private final String ping;
    private final String pong;

    /**
     * @param dispatcher the running server's dispatcher ({@code kali::run})
     * @param cache where msgids are remembered
     * @param ping the client's heartbeat
     * @param pong the answer
     */
    public GatewayEvents(Supplier<Dispatcher> dispatcher, Cache cache, String ping, String pong) {
        this.dispatcher = dispatcher;
        this.cache = cache;
        this.ping = ping;
        this.pong = pong;
    }

    @Override
    public void onWorkerStart(Worker worker) {
        log.info("business worker {} of {} started", worker.id(), worker.count());
    }

    @Override
    public void onWebSocketConnect(Connection connection, Handshake handshake) {
        connection.session().put("ip", handshake.ip()); // $_SESSION['ip']: X-Real-IP from a trusted proxy
    }

    @Override
    public void onMessage(Connection connection, String message) {
        if (message.equals(ping)) {
            connection.send(pong); // Gateway::sendToCurrentClient('~H#S~')
            return;
        }
        JsonNode call = parse(message);
        if (call == null || !call.hasNonNull("ct") || !call.hasNonNull("ac")) {
            return; // not a call
        }
        JsonNode msgid = call.get("msgid");
        if (msgid != null && !msgid.isNull() && !msgid.asText().isEmpty()) {
            // Unlike the original, a repeat is acknowledged again (its first receipt may be what got lost).
            connection.send(Map.of("type", "pongMsg", "msgid", msgid));
            if (!cache.add("example:" + connection.id() + "-" + msgid.asText(), Boolean.TRUE, DEDUP_WINDOW)) {
                return; // received before: do not run it twice
            }
        }
        dispatcher.get().run(connection, call); // adds ip and client_id, as $_GET['ip'] and $_GET['client_id']
    }

    @Override
    public void onClose(Connection connection) {
        log.debug("client {} gone", connection.id());
    }

    private static JsonNode parse(String message) {
        try {
            JsonNode node = JSON.readTree(message);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
