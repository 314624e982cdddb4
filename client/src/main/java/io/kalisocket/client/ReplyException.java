package io.kalisocket.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Why a call failed: the server's error reply ({@code code} != 0: 400, 401, 403, 404, 429, 500, ...) or one of
 * the client's own codes {@link #TIMEOUT}, {@link #CLOSED}, {@link #QUEUE_FULL}. For {@link KaliClient#ready()}
 * also the HTTP status of an opening handshake the server refused for good (401, 403, 404, ...; message
 * {@code upgrade refused: HTTP 403}).
 */
public final class ReplyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** No reply within {@link ClientOptions#callTimeout()}. */
    public static final int TIMEOUT = 408;
    /** The client was closed before the reply came. */
    public static final int CLOSED = 410;
    /** The client was disconnected and its queue held {@link ClientOptions#maxQueue()} frames. */
    public static final int QUEUE_FULL = 507;

    private final int code;
    private final String msg;
    private final transient JsonNode reply;

    /**
     * Creates the exception.
     *
     * @param code the error code
     * @param msg the server's or the client's message
     * @param reply the server's error reply, or null for the client's own codes
     */
    public ReplyException(int code, String msg, JsonNode reply) {
        super(msg + " (" + code + ")");
        this.code = code;
        this.msg = msg;
        this.reply = reply;
    }

    /** @return the error code */
    public int code() {
        return code;
    }

    /** @return the server's or the client's message */
    public String msg() {
        return msg;
    }

    /** @return the server's error reply, if the server sent one */
    public Optional<JsonNode> reply() {
        return Optional.ofNullable(reply);
    }
}
