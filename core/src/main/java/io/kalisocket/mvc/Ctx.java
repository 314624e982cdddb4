package io.kalisocket.mvc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kalisocket.connection.Connection;
import io.kalisocket.connection.Session;
import io.kalisocket.gateway.Gateway;
import java.util.Optional;

/**
 * What an action sees of the call: the connection, its ids, the params and the gateway. One per call;
 * use it only while the action runs.
 */
public final class Ctx {

    private final Connection connection;
    private final String controller;
    private final String action;
    private final ObjectNode params;
    private final Gateway gateway;

    /**
     * Made by the framework for every call; a unit test of a controller may make one itself.
     *
     * @param connection the calling connection
     * @param controller the {@code ct}
     * @param action the {@code ac}
     * @param params every param of the call
     * @param gateway the gateway the action sends through
     */
    public Ctx(Connection connection, String controller, String action, ObjectNode params, Gateway gateway) {
        this.connection = connection;
        this.controller = controller;
        this.action = action;
        this.params = params;
        this.gateway = gateway;
    }

    /** @return the calling connection */
    public Connection connection() {
        return connection;
    }

    /** @return the calling connection's client id */
    public String clientId() {
        return connection.id();
    }

    /** @return the client's real IP */
    public String ip() {
        return connection.ip();
    }

    /** @return the user bound to the calling connection, if any */
    public Optional<String> uid() {
        return connection.uid();
    }

    /** @return the calling connection's session */
    public Session session() {
        return connection.session();
    }

    /** @return the controller's name ({@code ct}) */
    public String controller() {
        return controller;
    }

    /** @return the action's name ({@code ac}) */
    public String action() {
        return action;
    }

    /** @return every param of the call, including {@code ct}, {@code ac}, {@code ip} and {@code client_id} */
    public JsonNode params() {
        return params;
    }

    /**
     * @param name a param's name
     * @return its text, if present and not null
     */
    public Optional<String> param(String name) {
        JsonNode value = params.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    /** @return the gateway: send to others, bind users, manage groups and sessions */
    public Gateway gateway() {
        return gateway;
    }

    /**
     * Sends a message to the calling connection ({@code Gateway::sendToCurrentClient}).
     *
     * @param message text as it is, anything else as JSON
     * @return true when handed to the socket
     */
    public boolean send(Object message) {
        return connection.send(message);
    }
}
