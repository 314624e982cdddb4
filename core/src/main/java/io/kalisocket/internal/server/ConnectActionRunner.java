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
 * skipped, not an error. This class finds the call; where it runs (inline on the event loop when the action is
 * declared {@code @Inline}, else on the connection's action queue) is the caller's choice.
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

    /**
     * A connect or close action found for a connection, ready to run on whichever thread its caller picks.
     *
     * @param connection the connection it is for
     * @param route the action
     * @param envelope the call, as if the client had sent it
     */
    record Call(ChannelConnection connection, Route route, Envelope envelope) {
        /** @return true when the action is declared non-blocking, so it may run on the event loop */
        boolean inline() {
            return route.inline();
        }
    }

    /**
     * Finds the connect action (and records in the session which controller handled it, for the close action).
     *
     * @param connection a connection whose upgrade completed
     * @param handshake its handshake, whose query string is the call's params
     * @return the call, or empty when the query names an invalid or unknown action
     */
    Optional<Call> connected(ChannelConnection connection, Handshake handshake) {
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
            return Optional.empty();
        }
        params.put("ct", ct).put("ac", ac);
        params.remove("msgid");
        connection.session().put("ip", connection.ip());
        connection.session().put(SESSION_CT, ct);
        return call(connection, ct, ac, params);
    }

    /**
     * @param connection a connection that ended
     * @return the close action of the controller that handled its connect, or empty when there is none
     */
    Optional<Call> closed(ChannelConnection connection) {
        Optional<String> ct = connection.existingSession().flatMap(s -> s.get(SESSION_CT)).map(Object::toString);
        if (ct.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode params = mapper.createObjectNode().put("ct", ct.get()).put("ac", config.closeAction());
        return call(connection, ct.get(), config.closeAction(), params);
    }

    /** @param call a call found by {@link #connected} or {@link #closed}: runs it on the calling thread */
    void run(Call call) {
        dispatcher.invoke(call.connection(), call.route(), call.envelope());
    }

    private Optional<Call> call(ChannelConnection connection, String ct, String ac, ObjectNode params) {
        Optional<Route> route = dispatcher.find(ct, ac);
        if (route.isEmpty()) {
            log.debug("connect actions: no action {}/{}; skipped for {}", ct, ac, connection.id());
        }
        return route.map(r -> new Call(connection, r, new Envelope(ct, ac, null, params)));
    }

    private static String text(ObjectNode params, String key, String fallback) {
        var node = params.get(key);
        return node == null || node.asText().isEmpty() ? fallback : node.asText();
    }
}
