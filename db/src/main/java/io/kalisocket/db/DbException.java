package io.kalisocket.db;

import io.kalisocket.errors.ErrorReply;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A database call failed. {@link #outcome()} says whether anything of it may have taken effect:
 * {@link Outcome#NOT_APPLIED} (nothing did: the statement was refused, never sent, or its transaction
 * was rolled back) or {@link Outcome#UNKNOWN} (the connection was lost after a write or a commit was
 * sent, so it may or may not have been applied; it was not retried).
 *
 * <p>An action that lets this escape gets the reply code {@link #replyCode()}; the details belong in
 * the server log, not in the reply.
 */
public class DbException extends RuntimeException implements ErrorReply {

    private static final long serialVersionUID = 1L;

    /** Whether a failed call may have changed the database. */
    public enum Outcome {
        /** Certainly nothing of the call took effect. */
        NOT_APPLIED,
        /** The call may or may not have taken effect: the connection was lost after it was sent. */
        UNKNOWN
    }

    private final Outcome outcome;

    /**
     * A failure.
     *
     * @param outcome whether anything may have taken effect
     * @param message what happened, for the log
     * @param cause the driver's or the pool's exception
     */
    public DbException(Outcome outcome, String message, Throwable cause) {
        super(message, cause);
        this.outcome = outcome;
    }

    /**
     * Whether anything of the failed call may have taken effect.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Shorthand for {@code outcome() == Outcome.UNKNOWN}.
     *
     * @return true when the call may or may not have been applied
     */
    public boolean outcomeUnknown() {
        return outcome == Outcome.UNKNOWN;
    }

    /**
     * The reply code an action layer answers with: 500 here, 503 for {@link DbUnavailableException}.
     *
     * @return the reply code
     */
    @Override
    public int replyCode() {
        return 500;
    }

    /**
     * The short message an action layer answers with; details stay in the log.
     *
     * @return {@code database error}, or {@code database unavailable} for {@link DbUnavailableException}
     */
    @Override
    public String replyMessage() {
        return "database error";
    }

    /**
     * The SQLSTATE of the underlying SQL error, e.g. {@code 23000} for a duplicate key.
     *
     * @return the SQLSTATE, or empty when the failure did not come from the database
     */
    public Optional<String> sqlState() {
        return Failures.sqlException(getCause()).map(SQLException::getSQLState);
    }
}
