package io.kalisocket.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs transactions on the primary: commit when the work returns, roll back on any exception. A lost
 * connection fails the whole transaction (the server discards what was not committed); nothing is
 * re-run statement by statement. With retries, the whole work runs again from the start.
 */
final class Transactions {

    private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);

    private final Pool primary;

    Transactions(Pool primary) {
        this.primary = primary;
    }

    /**
     * Runs a unit of work in a transaction, again from the start (at most {@code retries} more times)
     * when it was certainly rolled back for a reason a new run may not meet.
     */
    <T> T run(Isolation isolation, int retries, TxWork<T> work) {
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return once(isolation, tx -> work.run(new SqlQueries(tx)));
            } catch (DbException e) {
                if (attempt >= retries || !rerunnable(e)) {
                    throw e;
                }
                LOG.warn("transaction rolled back ({}); running the whole unit again, retry {} of {}",
                        e.getMessage(), attempt + 1, retries);
            }
        }
    }

    /** Runs one transaction, no retry. */
    <T> T once(Isolation isolation, Function<TxStatements, T> body) {
        Handle handle = primary.openAlive();
        TxStatements tx = new TxStatements(handle);
        try {
            if (isolation != null) {
                handle.setTransactionIsolationLevel(isolation.jdbi());
            }
            handle.begin();
            T result = body.apply(tx);
            if (tx.doomed() != null) {
                throw tx.doomed();
            }
            commit(handle);
            primary.release(handle);
            return result;
        } catch (RuntimeException | Error e) {
            abandon(handle, tx, e);
            throw translate(e);
        }
    }

    /** The error for a transaction whose connection was lost before it committed. */
    static DbException lost(Throwable cause) {
        return new DbException(DbException.Outcome.NOT_APPLIED, "transaction rolled back: the connection was lost"
                + " before commit (" + Failures.describe(cause) + "); the server discards an uncommitted"
                + " transaction, so nothing of it was committed", cause);
    }

    private static boolean rerunnable(DbException e) {
        return !(e instanceof DbUnavailableException) && e.outcome() == DbException.Outcome.NOT_APPLIED
                && (Failures.connectionLost(e) || Failures.rolledBackByServer(e));
    }

    private static void commit(Handle handle) {
        try {
            handle.commit();
        } catch (RuntimeException e) {
            if (Failures.connectionLost(e) && !Failures.neverSent(e)) {
                throw new DbException(DbException.Outcome.UNKNOWN, "outcome unknown: the connection was lost while"
                        + " committing, so the transaction may or may not have been committed ("
                        + Failures.describe(e) + ")", e);
            }
            throw e;
        }
    }

    private void abandon(Handle handle, TxStatements tx, Throwable failure) {
        // With the connection gone there is nothing to roll back: the server already discarded the work.
        if (tx.doomed() == null && !Failures.connectionLost(failure)) {
            try {
                handle.rollback();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        primary.release(handle);
    }

    private static RuntimeException translate(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        RuntimeException e = (RuntimeException) failure;
        if (e instanceof DbException) {
            return e;
        }
        return Failures.connectionLost(e) ? lost(e) : Failures.refusedOrAsIs(e);
    }
}
