package io.kalisocket.errors;

/**
 * An exception that knows the reply it deserves, for libraries that should not depend on the whole server
 * (this artifact holds nothing else) (e.g. the database module: 503 while the database is unreachable).
 * The dispatcher answers it with {@link #replyCode()} and {@link #replyMessage()}, and logs the exception
 * itself, details included, in the server log only.
 */
public interface ErrorReply {

    /** @return the reply's code, not 0 */
    int replyCode();

    /** @return a short message the client may see, without internal details */
    String replyMessage();
}
