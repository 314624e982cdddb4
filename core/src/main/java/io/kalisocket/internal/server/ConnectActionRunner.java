package io.kalisocket.internal.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.config.ConnectActionsConfig;
import io.kalisocket.connection.Handshake;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.mvc.ActionDispatcher;
import io.kalisocket.internal.mvc.Route;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.EnvelopeParser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connect actions ({@code connect-actions.enabled}), GatewayWorker's online/offline: on connect the query
 * string is a call ({@code ct} defaulting to {@code index}, {@code ac} to {@code online}); on close
 * {@code ac=offline} runs on the controller that handled the connect. A controller without such an action is
 * skipped, not an error.
 */
final class ConnectActionRunner {

    /** Session key holding the controller that handled the connect. */
    static final String SESSION_CT = "ct";

    private static final Logger log = LoggerFactory.getLogger(ConnectActionRunner.class);

    private final ConnectActionsConfig config;
    private final ActionDispatcher dispatcher;
    private final ObjectMapper mapper;
    private final Set<String> reserved;

    /**
     * @param config the {@code connect-actions} section
     * @param dispatcher runs the actions
     * @param mapper builds the params
     * @param reserved query parameters that are the framework's (recovery's), not passed to the connect action
     */
    ConnectActionRunner(ConnectActionsConfig config, ActionDispatcher dispatcher, ObjectMapper mapper,
            Set<String> reserved) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.mapper = mapper;
        this.reserved = reserved;
    }

    void connected(ChannelConnection connection, Handshake handshake) {
        ObjectNode params = mapper.createObjectNode();
        if (handshake != null) {
            for (Map.Entry<String, List<String>> e : handshake.query().entrySet()) {
                if (!e.getValue().isEmpty() && !reserved.contains(e.getKey())) {
                    params.put(e.getKey(), e.getValue().get(0));
                }
            }
        }
        // An authenticated connection's uid is its principal's, whatever ?uid= claims.
        connection.principal().ifPresent(p -> params.put("uid", p.uid()));
        String ct = text(params, "ct", config.connectController());
        String ac = text(params, "ac", config.connectAction());
        if (!EnvelopeParser.NAME.matcher(ct).matches() || !EnvelopeParser.NAME.matcher(ac).matches()) {
            log.debug("connect of {} names an invalid ct/ac; nothing run", connection.id());
            return;
        }
        params.put("ct", ct).put("ac", ac);
        params.remove("msgid");
        connection.session().put("ip", connection.ip());
        connection.session().put(SESSION_CT, ct);
        run(connection, ct, ac, params);
    }

    void closed(ChannelConnection connection) {
        Optional<String> ct = connection.existingSession().flatMap(s -> s.get(SESSION_CT)).map(Object::toString);
        if (ct.isEmpty()) {
            return;
        }
        ObjectNode params = mapper.createObjectNode().put("ct", ct.get()).put("ac", config.closeAction());
        run(connection, ct.get(), config.closeAction(), params);
    }

    private void run(ChannelConnection connection, String ct, String ac, ObjectNode params) {
        Optional<Route> route = dispatcher.find(ct, ac);
        if (route.isEmpty()) {
            log.debug("connect actions: no action {}/{}; skipped for {}", ct, ac, connection.id());
            return;
        }
        dispatcher.invoke(connection, route.get(), new Envelope(ct, ac, null, params));
    }

    private static String text(ObjectNode params, String key, String fallback) {
        var node = params.get(key);
        return node == null || node.asText().isEmpty() ? fallback : node.asText();
    }
}
