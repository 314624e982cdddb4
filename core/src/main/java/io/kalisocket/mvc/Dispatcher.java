package io.kalisocket.mvc;

import com.fasterxml.jackson.databind.JsonNode;
import io.kalisocket.connection.Connection;
import java.util.Map;

/**
 * Routes a call to its action, binds the arguments, runs it and replies: the {@code kali::run($data)} of the
 * PHP original. The ready pipeline uses it for every message; an application with its own {@code onMessage}
 * calls {@link #run(Connection, Map)} itself. The action runs in the calling thread.
 */
public interface Dispatcher {

    /**
     * Runs a call given as a map ({@code ct}, {@code ac} and the params), replying as the ready pipeline does.
     *
     * @param connection the calling connection
     * @param params the call; {@code ip} and {@code client_id} are added, overwriting any sent
     */
    void run(Connection connection, Map<String, ?> params);

    /**
     * Runs a call given as a JSON object, replying as the ready pipeline does.
     *
     * @param connection the calling connection
     * @param params the call; must be an object (anything else is answered 400)
     */
    void run(Connection connection, JsonNode params);
}
