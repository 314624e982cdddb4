package io.kalisocket.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * The statements of one transaction: all on its connection, none retried. Once the transaction is
 * known to be lost (connection gone, or rolled back by the server), every further statement and the
 * commit fail at once with the same error, even if the work caught the first one.
 */
final class TxStatements implements StatementRunner {

    private final Handle handle;
    private DbException doomed;

    TxStatements(Handle handle) {
        this.handle = handle;
    }

    /** The transaction's handle. */
    Handle handle() {
        return handle;
    }

    /** Why the transaction cannot commit, if it cannot. */
    DbException doomed() {
        return doomed;
    }

    @Override
    public <T> T read(Function<Handle, T> statement) {
        return run(statement);
    }

    @Override
    public <T> T write(Function<Handle, T> statement) {
        return run(statement);
    }

    @Override
    public <T> T writeAll(Function<Handle, T> statements) {
        return run(statements);
    }

    private <T> T run(Function<Handle, T> statement) {
        if (doomed != null) {
            throw doomed;
        }
        try {
            return statement.apply(handle);
        } catch (RuntimeException e) {
            if (Failures.connectionLost(e)) {
                throw doom(Transactions.lost(e));
            }
            if (Failures.rolledBackByServer(e)) {
                throw doom(new DbException(DbException.Outcome.NOT_APPLIED, "transaction rolled back by the server"
                        + " (deadlock or serialization failure); nothing of it was committed: "
                        + Failures.describe(e), e));
            }
            throw Failures.refusedOrAsIs(e);
        }
    }

    private DbException doom(DbException why) {
        doomed = why;
        return why;
    }
}
