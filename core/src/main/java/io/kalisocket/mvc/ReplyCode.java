package io.kalisocket.mvc;

/** The codes a reply carries, after HTTP's where one fits. */
public final class ReplyCode {

    /** Success. */
    public static final int OK = 0;
    /** The message is not valid: bad JSON, missing ct/ac, a field that does not bind. */
    public static final int BAD_REQUEST = 400;
    /** The action needs a logged-in client. */
    public static final int UNAUTHORIZED = 401;
    /** The client may not do this. */
    public static final int FORBIDDEN = 403;
    /** No such controller or action. */
    public static final int NOT_FOUND = 404;
    /** Too many messages: the connection's rate limit. */
    public static final int RATE_LIMITED = 429;
    /** The action threw; details are in the server log only. */
    public static final int INTERNAL_ERROR = 500;
    /** The server cannot take the message now (queue full, a backing service down). */
    public static final int UNAVAILABLE = 503;

    private ReplyCode() {
    }
}
