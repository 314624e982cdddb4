package io.kalisocket.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pooled JDBC that survives "MySQL server has gone away": the database of a KaliSocket app.
 *
 * <p>Open it in {@code onWorkerStart} and close it on stop; it is thread-safe and meant to be shared by
 * all actions (which run off the event loop; every call blocks until the database answers).
 *
 * <ul>
 *   <li>Reads ({@code query}, {@code queryOne}, {@code scalar}) go to a healthy replica when replicas are
 *       configured (round-robin), else to the primary. A read whose connection was lost runs once more on
 *       a fresh connection.</li>
 *   <li>Writes ({@code update}, {@code insert}, {@code batch}) and transactions go to the primary. A write
 *       is never run twice: when its connection is lost after it was sent, the caller gets a
 *       {@link DbException} whose outcome is {@link DbException.Outcome#UNKNOWN}.</li>
 *   <li>{@link #primary()} reads from the primary, to read one's own writes.</li>
 *   <li>While the database is unreachable, calls fail after {@code connectionTimeout} with
 *       {@link DbUnavailableException}; the pool reconnects by itself when it is back.</li>
 * </ul>
 */
public final class Db implements Queries, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Db.class);

    private final List<Pool> pools;
    private final Queries queries;
    private final Queries primaryQueries;
    private final Transactions transactions;
    private final Optional<Duration> waitTimeout;
    private final List<String> warnings;

    private Db(List<Pool> pools, Replicas<Pool> replicas, Optional<Duration> waitTimeout, List<String> warnings) {
        Pool primary = pools.get(0);
        this.pools = pools;
        this.transactions = new Transactions(primary);
        this.queries = new SqlQueries(new ReadWriteRouter(primary, replicas, transactions));
        this.primaryQueries = new SqlQueries(new ReadWriteRouter(primary, noReplicas(), transactions));
        this.waitTimeout = waitTimeout;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Opens the pools, checks that the primary answers and reads its {@code wait_timeout}. A replica that
     * cannot be reached does not stop the start; it is skipped until it can.
     *
     * @param config where the database is and how the pools behave
     * @return the open Db
     * @throws DbUnavailableException when the primary cannot be reached
     */
    public static Db open(DbConfig config) {
        return open(config, System::nanoTime);
    }

    /**
     * A Db over a pool the application already has (Spring Boot's {@code DataSource}), instead of a second pool:
     * no replicas, the pool's own settings; {@link #close()} leaves the pool open for its owner to close. Reads
     * the server's {@code wait_timeout} as {@link #open(DbConfig)} does.
     *
     * @param dataSource the application's pool; it must be (or wrap) a HikariCP {@code HikariDataSource}, whose
     *     eviction of dead connections the retries rely on
     * @return the Db
     * @throws IllegalArgumentException when the pool is not HikariCP
     * @throws DbUnavailableException when the database cannot be reached
     */
    public static Db using(DataSource dataSource) {
        HikariDataSource hikari;
        try {
            hikari = dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalArgumentException("Db.using needs a HikariCP pool (HikariDataSource), got "
                    + dataSource.getClass().getName(), e);
        }
        DbConfig config = DbConfig.defaults();
        RecordMappers records = new RecordMappers();
        Pool primary = Pool.borrow("primary", hikari, config, records);
        Optional<Duration> waitTimeout = WaitTimeoutCheck.read(primary);
        LOG.info("Db on the application's pool: {}", primary.url());
        return new Db(List.of(primary), new Replicas<>(List.of(), config.replicaRetryAfter(), System::nanoTime),
                waitTimeout, List.of());
    }

    /** Opens a Db whose replica health is timed on a given clock (tests). */
    static Db open(DbConfig config, LongSupplier nanoTime) {
        List<Pool> pools = new ArrayList<>();
        RecordMappers records = new RecordMappers();
        try {
            pools.add(Pool.open("primary", config.url(), config, true, records));
            for (int i = 0; i < config.replicas().size(); i++) {
                pools.add(Pool.open("replica " + (i + 1), config.replicas().get(i), config, false, records));
            }
            Optional<Duration> waitTimeout = WaitTimeoutCheck.read(pools.get(0));
            List<String> warnings = waitTimeout.map(w -> WaitTimeoutCheck.problems(w, config)).orElse(List.of());
            warnings.forEach(w -> LOG.warn("Db configuration: {}", w));
            LOG.info("Db open: {} (pool of {}), {} replica(s)", config.url(), config.poolSize(),
                    config.replicas().size());
            return new Db(pools, new Replicas<>(pools.subList(1, pools.size()), config.replicaRetryAfter(), nanoTime),
                    waitTimeout, warnings);
        } catch (RuntimeException e) {
            pools.forEach(Pool::close);
            throw e;
        }
    }

    /**
     * The same statements, all on the primary: read what was just written, whatever the replicas' lag.
     *
     * @return statements that run on the primary
     */
    public Queries primary() {
        return primaryQueries;
    }

    /**
     * Runs a unit of work in a transaction on the primary: committed when the work returns, rolled back
     * when it throws. If the connection is lost, the whole transaction fails with a {@link DbException}
     * (nothing of it committed); it is not re-run.
     *
     * @param work the statements, run through the {@link Queries} it is given
     * @param <T> what the work returns
     * @return what the work returned, once committed
     */
    public <T> T tx(TxWork<T> work) {
        return transactions.run(null, 0, work);
    }

    /**
     * Runs a unit of work in a transaction of the given isolation level; otherwise as {@link #tx(TxWork)}.
     *
     * @param isolation the isolation level
     * @param work the statements
     * @param <T> what the work returns
     * @return what the work returned, once committed
     */
    public <T> T tx(Isolation isolation, TxWork<T> work) {
        return transactions.run(isolation, 0, work);
    }

    /**
     * Runs a unit of work that the caller declares idempotent: when its transaction was certainly rolled
     * back because the connection was lost or the server rolled it back (deadlock), the whole work runs
     * again from the start, at most {@code retries} more times. Never after an unknown commit outcome.
     *
     * @param retries how many more runs are allowed; 0 is the same as {@link #tx(TxWork)}
     * @param work the statements; they may run more than once, so they must not have other side effects
     * @param <T> what the work returns
     * @return what the committed run returned
     */
    public <T> T tx(int retries, TxWork<T> work) {
        return transactions.run(null, retries, work);
    }

    /**
     * The server's {@code wait_timeout} as read at open.
     *
     * @return the idle time after which the server closes a connection; empty for H2
     */
    public Optional<Duration> serverWaitTimeout() {
        return waitTimeout;
    }

    /**
     * The configuration problems found at open (also logged as warnings), e.g. a keepalive that does not
     * fit under the server's {@code wait_timeout}.
     *
     * @return one sentence per problem; empty when none
     */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The pools' figures, for a status page: for the primary and each replica, its active, idle, total
     * and waiting connections.
     *
     * @return one map per pool, primary first
     */
    public List<Map<String, Object>> poolStats() {
        return pools.stream().map(Pool::stats).toList();
    }

    /** Closes every pool; calls made afterwards fail. */
    @Override
    public void close() {
        pools.forEach(Pool::close);
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... args) {
        return queries.query(sql, args);
    }

    @Override
    public <T> List<T> query(Class<T> type, String sql, Object... args) {
        return queries.query(type, sql, args);
    }

    @Override
    public Optional<Map<String, Object>> queryOne(String sql, Object... args) {
        return queries.queryOne(sql, args);
    }

    @Override
    public <T> Optional<T> queryOne(Class<T> type, String sql, Object... args) {
        return queries.queryOne(type, sql, args);
    }

    @Override
    public <T> Optional<T> scalar(Class<T> type, String sql, Object... args) {
        return queries.scalar(type, sql, args);
    }

    @Override
    public int update(String sql, Object... args) {
        return queries.update(sql, args);
    }

    @Override
    public long insert(String sql, Object... args) {
        return queries.insert(sql, args);
    }

    @Override
    public int[] batch(String sql, List<? extends List<?>> rows) {
        return queries.batch(sql, rows);
    }

    private static Replicas<Pool> noReplicas() {
        return new Replicas<>(List.of(), Duration.ofSeconds(1), System::nanoTime);
    }
}
