package io.kalisocket.demo.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kalisocket.KaliServer;
import io.kalisocket.config.ConfigLoader;
import io.kalisocket.config.KaliConfig;
import io.kalisocket.connection.Connection;
import io.kalisocket.demo.controller.EchoController;
import io.kalisocket.demo.controller.RoomController;
import io.kalisocket.demo.controller.StatsController;
import io.kalisocket.demo.controller.UserController;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seed page's first example, "Workerman 原生方式 Websocket", in KaliSocket: the application's own
 * {@code onMessage} answers the heartbeat, drops what is not a JSON call and hands the rest to
 * {@code dispatcher().run(conn, params)}, the {@code kali::run($data)} of the original. The real IP is
 * taken in {@code onWebSocketConnect} and logged on close. Controllers are the demo's, all but {@code index}: its
 * actions run on connect and close with the connect actions, which this example does not use.
 *
 * <p>As in the original, never open pools or touch a database outside the worker callbacks: do it in
 * {@code onWorkerStart}.
 */
public final class WorkermanNativeExample {

    /** Session key of the client's real IP (the {@code $connection->realIP} of the original). */
    public static final String REAL_IP = "realIP";

    private static final Logger log = LoggerFactory.getLogger(WorkermanNativeExample.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WorkermanNativeExample() {
    }

    /**
     * @param config where to listen ({@code server.worker-threads} is {@code $worker->count})
     * @return the server, ready to {@code start()} or {@code bind()}
     */
    public static KaliServer create(KaliConfig config) {
        String ping = config.protocol().heartbeatPing();
        String pong = config.protocol().heartbeatPong();
        KaliServer server = KaliServer.create(config)
                .controllers(EchoController.class, RoomController.class, StatsController.class, UserController.class);
        return server
                .onWorkerStart(worker -> log.info("worker {} of {} started", worker.id(), worker.count()))
                .onWebSocketConnect((connection, handshake) ->
                        // X-Real-IP from nginx: believed only from a trusted proxy, else the socket's address
                        connection.session().put(REAL_IP, handshake.ip()))
                .onMessage((connection, data) -> {
                    if (data.equals(ping)) {
                        connection.send(pong); // the client's heartbeat
                        return;
                    }
                    JsonNode call = parse(data);
                    if (call == null || call.path("ct").asText().isEmpty() || call.path("ac").asText().isEmpty()) {
                        return; // not a call: ignored, as the original does
                    }
                    server.dispatcher().run(connection, call); // kali::run($data)
                })
                .onClose(connection -> log.info("connection closed from ip {}", realIp(connection)));
    }

    /** @param connection a connection @return its real IP as taken at connect */
    public static String realIp(Connection connection) {
        return connection.session().get(REAL_IP).map(Object::toString).orElse(connection.ip());
    }

    private static JsonNode parse(String data) {
        try {
            JsonNode node = JSON.readTree(data);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Starts the example: {@code websocket://0.0.0.0:9527} with 4 workers, as in the original.
     *
     * @param args unused
     * @throws InterruptedException when interrupted while running
     */
    public static void main(String[] args) throws InterruptedException {
        create(ConfigLoader.of(Map.of("server.host", "0.0.0.0", "server.worker-threads", "4"))).start();
    }
}
