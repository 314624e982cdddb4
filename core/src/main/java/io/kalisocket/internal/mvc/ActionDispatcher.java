package io.kalisocket.internal.mvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.connection.Connection;
import io.kalisocket.errors.ErrorReply;
import io.kalisocket.gateway.Gateway;
import io.kalisocket.internal.connection.ChannelConnection;
import io.kalisocket.internal.connection.MessageEncoder;
import io.kalisocket.internal.logging.LogLimiter;
import io.kalisocket.internal.protocol.Envelope;
import io.kalisocket.internal.protocol.EnvelopeException;
import io.kalisocket.internal.protocol.EnvelopeParser;
import io.kalisocket.internal.protocol.Reply;
import io.kalisocket.internal.stats.ServerStats;
import io.kalisocket.mvc.Ctx;
import io.kalisocket.mvc.Dispatcher;
import io.kalisocket.mvc.KaliException;
import io.kalisocket.mvc.ReplyCode;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The dispatcher: routes a call, binds its arguments, runs the action in the calling thread and replies. */
public final class ActionDispatcher implements Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final RouteTable routes;
    private final Gateway gateway;
    private final ObjectMapper mapper;
    private final EnvelopeParser parser;
    private final ServerStats stats;
    private final ReplyWriter replies;
    private final LogLimiter unavailableLines = new LogLimiter(Duration.ofSeconds(1), System::nanoTime);

    /**
     * @param routes the routing table
     * @param gateway handed to actions through {@link Ctx#gateway()}
     * @param mapper encodes params given as maps
     * @param encoder encodes replies written from an action queue's batch, with the sockets' allocator
     * @param stats counts replies by code
     */
    public ActionDispatcher(RouteTable routes, Gateway gateway, ObjectMapper mapper, MessageEncoder encoder,
            ServerStats stats) {
        this.routes = routes;
        this.gateway = gateway;
        this.mapper = mapper;
        this.parser = new EnvelopeParser(mapper.reader());
        this.stats = stats;
        this.replies = new ReplyWriter(encoder);
    }

    @Override
    public void run(Connection connection, Map<String, ?> params) {
        run(connection, (JsonNode) mapper.valueToTree(params));
    }

    @Override
    public void run(Connection connection, JsonNode params) {
        if (!(params instanceof ObjectNode object)) {
            reply(connection, new Reply(null, null, ReplyCode.BAD_REQUEST, "a message must be a JSON object", null, null));
            return;
        }
        Envelope envelope;
        try {
            envelope = parser.fromParams(object);
        } catch (EnvelopeException e) {
            rejectInvalid(connection, e);
            return;
        }
        Optional<Route> route = find(envelope.controller(), envelope.action());
        if (route.isEmpty()) {
            notFound(connection, envelope);
            return;
        }
        invoke(connection, route.get(), envelope);
    }

    /**
     * @param controller a {@code ct}
     * @param action an {@code ac}
     * @return the route, if any
     */
    public Optional<Route> find(String controller, String action) {
        return routes.find(controller, action);
    }

    /** @return the routing table */
    public RouteTable routes() {
        return routes;
    }

    /**
     * Runs a routed call in the calling thread and replies (unless the action is void and succeeded).
     *
     * @param connection the calling connection
     * @param route the route found for the envelope
     * @param envelope the call
     */
    public void invoke(Connection connection, Route route, Envelope envelope) {
        ObjectNode params = envelope.params();
        params.put("ip", connection.ip());
        params.put("client_id", connection.id());
        Ctx ctx = new Ctx(connection, envelope.controller(), envelope.action(), params, gateway);
        ActionInvoker invoker = route.invoker();
        long started = System.nanoTime();
        int code = ReplyCode.OK;
        try {
            route.guard().check(ctx); // a call the guards refuse is answered (401, 403...) without running
            Object data = invoker.invoke(ctx, params);
            if (!invoker.returnsVoid()) {
                reply(connection, Reply.ok(envelope, data));
            }
        } catch (BindingException e) {
            code = ReplyCode.BAD_REQUEST;
            reply(connection, Reply.error(envelope, code, e.getMessage()));
        } catch (KaliException e) {
            code = e.code();
            reply(connection, Reply.error(envelope, code, e.getMessage()));
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError vme) {
                throw vme;
            }
            if (e instanceof ErrorReply known) {
                code = known.replyCode();
                log.warn("action {}/{} failed for client {}: {}", envelope.controller(), envelope.action(),
                        connection.id(), e.toString());
                reply(connection, Reply.error(envelope, code, known.replyMessage()));
            } else {
                code = ReplyCode.INTERNAL_ERROR;
                log.error("action {}/{} failed for client {} ({})", envelope.controller(), envelope.action(),
                        connection.id(), route.method(), e);
                reply(connection, Reply.error(envelope, code, "internal error"));
            }
        } finally {
            // Routed calls only: their ct/ac come from the routing table, which bounds the metrics' labels.
            stats.actionCompleted(route.controller(), route.action(), code, System.nanoTime() - started);
        }
    }

    /**
     * Answers a message that is not a valid call with a 400.
     *
     * @param connection the sender
     * @param problem what is wrong
     */
    public void rejectInvalid(Connection connection, EnvelopeException problem) {
        reply(connection, new Reply(problem.controller(), problem.action(), ReplyCode.BAD_REQUEST,
                problem.getMessage(), null, problem.msgid()));
    }

    /**
     * Answers a call whose msgid could not be checked against the receipts' window (the cache behind it, e.g. Redis,
     * did not answer) with a 503 carrying its msgid; the action did not run, so resending it is safe.
     *
     * @param connection the sender
     * @param envelope the call
     * @param problem what the cache threw
     */
    public void receiptWindowUnavailable(Connection connection, Envelope envelope, RuntimeException problem) {
        long left = unavailableLines.tryLog(); // an outage fails every call with a msgid: one line a second
        if (left >= 0) {
            log.warn("call {}/{} of client {} not run, answered 503: the receipts' window did not answer: {}{}",
                    envelope.controller(), envelope.action(), connection.id(), problem.toString(),
                    left > 0 ? " (" + left + " more such calls since the last line)" : "");
        }
        reply(connection, Reply.error(envelope, ReplyCode.UNAVAILABLE,
                "not run: the server could not check this msgid, resend it"));
    }

    /**
     * Answers a call to an unknown controller or action with a 404.
     *
     * @param connection the sender
     * @param envelope the call
     */
    public void notFound(Connection connection, Envelope envelope) {
        String what = routes.hasController(envelope.controller())
                ? "no action '" + envelope.action() + "' in controller '" + envelope.controller() + "'"
                : "no controller '" + envelope.controller() + "'";
        reply(connection, Reply.error(envelope, ReplyCode.NOT_FOUND, what));
    }

    /**
     * Sends a reply and counts it by code.
     *
     * @param connection the recipient
     * @param reply the reply
     */
    public void reply(Connection connection, Reply reply) {
        stats.reply(reply.code());
        if (connection instanceof ChannelConnection channel) {
            replies.write(channel, reply);
        } else {
            connection.send(reply);
        }
    }
}
