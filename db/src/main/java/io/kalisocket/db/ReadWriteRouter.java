package io.kalisocket.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link Db}'s statements outside transactions: reads on a replica when there is a healthy one,
 * writes on the primary, with the retry rules of "gone away, done right":
 * <ul>
 *   <li>a read whose connection was lost runs once more on a fresh, pinged connection;</li>
 *   <li>a write is sent only on a connection that answered a ping just before (a dead one is replaced,
 *       nothing having been sent); if its connection is lost afterwards it runs once more only when it
 *       certainly never reached the server, otherwise the caller gets {@link DbException.Outcome#UNKNOWN};</li>
 *   <li>a batch runs in a transaction of its own, all or nothing.</li>
 * </ul>
 */
final class ReadWriteRouter implements StatementRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ReadWriteRouter.class);

    private final Pool primary;
    private final Replicas<Pool> replicas;
    private final Transactions transactions;

    ReadWriteRouter(Pool primary, Replicas<Pool> replicas, Transactions transactions) {
        this.primary = primary;
        this.replicas = replicas;
        this.transactions = transactions;
    }

    @Override
    public <T> T read(Function<Handle, T> statement) {
        boolean retried = false;
        // Each pass either skips a replica that gave no connection or uses up the one retry.
        for (int pass = 0; pass < replicas.all().size() + 2; pass++) {
            Pool pool = replicas.pick().orElse(primary);
            Handle handle;
            try {
                handle = retried ? pool.openAlive() : pool.open();
            } catch (DbUnavailableException e) {
                if (pool == primary) {
                    throw e;
                }
                LOG.warn("{} gave no connection; skipping it for a while: {}", pool.name(), e.getMessage());
                replicas.markDown(pool);
                continue;
            }
            try {
                return statement.apply(handle);
            } catch (RuntimeException e) {
                if (!Failures.connectionLost(e)) {
                    throw Failures.refusedOrAsIs(e);
                }
                if (retried) {
                    throw new DbUnavailableException("read failed: the connection was lost twice, last on "
                            + pool.name() + ": " + Failures.describe(e), e);
                }
                LOG.warn("read lost its connection on {} ({}); running it once more on a fresh connection",
                        pool.name(), Failures.describe(e));
                retried = true;
            } finally {
                pool.release(handle);
            }
        }
        throw new DbUnavailableException("read failed: no server could run it", null);
    }

    @Override
    public <T> T write(Function<Handle, T> statement) {
        return write(statement, true);
    }

    @Override
    public <T> T writeAll(Function<Handle, T> statements) {
        return transactions.once(null, tx -> statements.apply(tx.handle()));
    }

    private <T> T write(Function<Handle, T> statement, boolean mayRetry) {
        Handle handle = primary.openAlive();
        try {
            return statement.apply(handle);
        } catch (RuntimeException e) {
            if (!Failures.connectionLost(e)) {
                throw Failures.refusedOrAsIs(e);
            }
            primary.release(handle);
            if (!Failures.neverSent(e)) {
                LOG.warn("write lost its connection after it was sent; outcome unknown, not retried: {}",
                        Failures.describe(e));
                throw new DbException(DbException.Outcome.UNKNOWN, "outcome unknown: the connection was lost after"
                        + " the write was sent, so it may or may not have been applied; it was not retried ("
                        + Failures.describe(e) + ")", e);
            }
            if (!mayRetry) {
                throw new DbUnavailableException("write failed: the connection was lost twice before the write"
                        + " reached the server: " + Failures.describe(e), e);
            }
            LOG.warn("write never reached the server ({}); running it once more on a fresh connection",
                    Failures.describe(e));
            return write(statement, false);
        } finally {
            primary.release(handle); // a second release is a no-op for Jdbi
        }
    }
}
