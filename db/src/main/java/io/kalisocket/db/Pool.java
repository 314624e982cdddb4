package io.kalisocket.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database server: a HikariCP pool and the Jdbi on top of it. Hands out handles, either as the pool
 * gives them or proven alive by a ping.
 *
 * <p>A connection that died under a statement needs no eviction here: any SQLSTATE 08 error passing
 * through HikariCP's proxy marks the connection broken, and HikariCP closes it instead of pooling it.
 */
final class Pool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Pool.class);

    private final String name;
    private final HikariDataSource dataSource;
    private final Jdbi jdbi;
    private final Jdbi pingedJdbi;
    /** False for an application's pool ({@link #borrow}): the application closes it, not {@link #close()}. */
    private final boolean owned;

    private Pool(String name, HikariDataSource dataSource, RecordMappers records, DbConfig config, boolean owned) {
        this.name = name;
        this.dataSource = dataSource;
        this.owned = owned;
        this.jdbi = Jdbi.create(dataSource).registerRowMapper(records);
        this.pingedJdbi = Jdbi.create(new PingedConnections(name, dataSource, config)).registerRowMapper(records);
    }

    /**
     * Opens a pool.
     *
     * @param name "primary" or "replica N", for logs and messages
     * @param url the server's JDBC URL
     * @param required true to fail now when the server cannot be reached; false to start anyway
     */
    static Pool open(String name, String url, DbConfig config, boolean required, RecordMappers records) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kalisocket-db-" + name.replace(' ', '-'));
        hikari.setJdbcUrl(url);
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(config.poolSize());
        hikari.setConnectionTimeout(config.connectionTimeout().toMillis());
        hikari.setValidationTimeout(config.validationTimeout().toMillis());
        hikari.setKeepaliveTime(config.keepaliveTime().toMillis());
        hikari.setMaxLifetime(config.maxLifetime().toMillis());
        hikari.setInitializationFailTimeout(required ? 1 : -1);
        if (DbConfig.isMariaDb(url)) {
            hikari.addDataSourceProperty("socketTimeout", config.socketTimeout().toMillis());
        }
        try {
            return new Pool(name, new HikariDataSource(hikari), records, config, true);
        } catch (HikariPool.PoolInitializationException e) {
            throw new DbUnavailableException("cannot connect to the " + name + " database at " + url + ": "
                    + Failures.describe(e), e);
        }
    }

    /**
     * Uses a pool the application already has (e.g. Spring Boot's): its settings stay as they are, and
     * {@link #close()} leaves it open.
     *
     * @param name "primary", for logs and messages
     * @param dataSource the application's HikariCP pool
     */
    static Pool borrow(String name, HikariDataSource dataSource, DbConfig config, RecordMappers records) {
        return new Pool(name, dataSource, records, config, false);
    }

    /** @return active, idle, total and waiting connections of this pool, for /status */
    java.util.Map<String, Object> stats() {
        var bean = dataSource.getHikariPoolMXBean();
        if (bean == null) {
            return java.util.Map.of("name", name, "state", "starting");
        }
        return java.util.Map.of("name", name, "active", bean.getActiveConnections(), "idle", bean.getIdleConnections(),
                "total", bean.getTotalConnections(), "waiting", bean.getThreadsAwaitingConnection());
    }

    String name() {
        return name;
    }

    /**
     * A handle as the pool gives it: HikariCP pinged the connection if it was idle for more than half a
     * second, so it is very probably alive.
     *
     * @throws DbUnavailableException when no connection came within {@code connectionTimeout}
     */
    Handle open() {
        return open(jdbi);
    }

    /**
     * A handle whose connection answered a ping just now. Nothing has been sent on a connection before
     * it is handed out, so replacing a dead one is always safe.
     *
     * @throws DbUnavailableException when no live connection could be had
     */
    Handle openAlive() {
        return open(pingedJdbi);
    }

    /** Closes a handle: its connection goes back to the pool, or is dropped if HikariCP saw it break. */
    void release(Handle handle) {
        try {
            handle.close();
        } catch (RuntimeException e) {
            // Closing a broken connection can fail (its reset cannot reach the server); HikariCP has
            // dropped it, and the caller's own error matters more.
            LOG.debug("{}: closing a handle failed: {}", name, e.toString());
        }
    }

    /** The JDBC URL, for logs. */
    String url() {
        String url = dataSource.getJdbcUrl();
        return url == null ? "" : url;
    }

    @Override
    public void close() {
        if (owned) {
            dataSource.close();
        }
    }

    private Handle open(Jdbi source) {
        try {
            return source.open();
        } catch (ConnectionException e) {
            if (dataSource.isClosed()) {
                throw new IllegalStateException("the Db is closed", e);
            }
            throw new DbUnavailableException("database unavailable (" + name + "): " + Failures.describe(e), e);
        }
    }
}
