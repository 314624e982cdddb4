package io.kalisocket.db;

/**
 * The database could not be reached: no connection could be had within the configured
 * {@code connectionTimeout}, or connections kept being lost. Nothing of the call was applied.
 *
 * <p>An action layer answers it with reply code 503 and a short message; the pool reconnects by
 * itself once the server is back, so the next call may succeed.
 */
public final class DbUnavailableException extends DbException {

    private static final long serialVersionUID = 1L;

    /**
     * A failure to reach the database.
     *
     * @param message what happened, for the log
     * @param cause the pool's or the driver's exception
     */
    public DbUnavailableException(String message, Throwable cause) {
        super(Outcome.NOT_APPLIED, message, cause);
    }

    /**
     * Always 503: the service is unavailable for now.
     *
     * @return 503
     */
    @Override
    public int replyCode() {
        return 503;
    }

    @Override
    public String replyMessage() {
        return "database unavailable";
    }
}
