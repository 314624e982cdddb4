package io.kalisocket.db;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.statement.UnableToCreateStatementException;

/**
 * Reads what a driver or pool exception means for the retry rules: was the connection lost, and if so,
 * can the statement have reached the server.
 */
final class Failures {

    /** MariaDB's "Connection was killed" (ER_CONNECTION_KILLED), sent when KILL hits a running statement. */
    private static final int MARIADB_CONNECTION_KILLED = 1927;
    /** MariaDB Connector/J's "Connection is closed": raised before anything is written to the socket. */
    private static final int MARIADB_CONNECTION_IS_CLOSED = 1220;
    /** InnoDB deadlock: the server rolled the whole transaction back. */
    private static final int MARIADB_DEADLOCK = 1213;

    private Failures() {
    }

    /** The first SQL exception in the cause chain. */
    static Optional<SQLException> sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return Optional.of(sql);
            }
        }
        return Optional.empty();
    }

    /** The connection under the statement is gone (killed, timed out, network cut, server down). */
    static boolean connectionLost(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLNonTransientConnectionException || t instanceof SQLTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && (sqlClass(sql, "08") || sql.getErrorCode() == MARIADB_CONNECTION_KILLED)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The statement certainly never reached the server: no connection could be had, the statement could
     * not even be prepared, or the driver refused to write on a connection it already knew was closed.
     */
    static boolean neverSent(Throwable failure) {
        if (failure instanceof ConnectionException || failure instanceof UnableToCreateStatementException) {
            return true;
        }
        return sqlException(failure)
                .filter(sql -> "08003".equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_CONNECTION_IS_CLOSED)
                .isPresent();
    }

    /**
     * The server rolled the transaction back for a reason that a second run may not meet: deadlock or
     * serialization failure (SQLSTATE 40001).
     */
    static boolean rolledBackByServer(Throwable failure) {
        return sqlException(failure)
                .filter(sql -> "40001".equals(sql.getSQLState()) || sql.getErrorCode() == MARIADB_DEADLOCK)
                .isPresent();
    }

    /** A short description of the driver's message, for exception messages. */
    static String describe(Throwable failure) {
        return sqlException(failure).map(sql -> sql.getMessage() + " [SQLSTATE " + sql.getSQLState() + "]")
                .orElseGet(() -> String.valueOf(failure.getMessage()));
    }

    /**
     * What to throw for a failure that is not a lost connection: a statement the database refused
     * (syntax, constraint, ...; nothing of it took effect) becomes a {@link DbException}; anything else
     * (a mapping error, the caller's own exception) goes on unchanged.
     */
    static RuntimeException refusedOrAsIs(RuntimeException failure) {
        if (failure instanceof DbException || sqlException(failure).isEmpty()) {
            return failure;
        }
        return new DbException(DbException.Outcome.NOT_APPLIED, "statement failed: " + describe(failure), failure);
    }

    private static boolean sqlClass(SQLException sql, String sqlStateClass) {
        String state = sql.getSQLState();
        return state != null && state.startsWith(sqlStateClass);
    }
}
