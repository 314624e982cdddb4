package io.kalisocket.db;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * Compares the pool's timings with the server's {@code wait_timeout}, the idle time after which MariaDB
 * closes a connection (the "MySQL server has gone away" of the PHP world). Pooled connections must be
 * pinged (keepaliveTime) and retired (maxLifetime) before the server closes them.
 */
final class WaitTimeoutCheck {

    /** HikariCP ignores or raises keepaliveTime and maxLifetime below this. */
    static final Duration HIKARI_FLOOR = Duration.ofSeconds(30);

    private WaitTimeoutCheck() {
    }

    /**
     * Reads the {@code wait_timeout} that applies to the pool's connections.
     *
     * @return the timeout, or empty for a database that has none (H2)
     */
    static Optional<Duration> read(Pool pool) {
        if (!DbConfig.isMariaDb(pool.url())) {
            return Optional.empty();
        }
        Handle handle = pool.open();
        try {
            return handle.createQuery("SELECT @@SESSION.wait_timeout").mapTo(Long.class).findFirst()
                    .map(Duration::ofSeconds);
        } finally {
            pool.release(handle);
        }
    }

    /**
     * What in the configuration does not fit under the server's {@code wait_timeout}.
     *
     * @return one sentence per problem; empty when everything fits
     */
    static List<String> problems(Duration waitTimeout, DbConfig config) {
        List<String> problems = new ArrayList<>();
        long wait = waitTimeout.toSeconds();
        if (waitTimeout.compareTo(HIKARI_FLOOR) <= 0) {
            problems.add("the server's wait_timeout (" + wait + " s) is at or below HikariCP's 30 s floor for"
                    + " keepaliveTime and maxLifetime: idle pooled connections will be closed by the server."
                    + " They are found dead and replaced before use, but raise wait_timeout (MariaDB's default is 8 h)");
            return problems;
        }
        if (config.keepaliveTime().compareTo(waitTimeout) >= 0) {
            problems.add("keepaliveTime (" + config.keepaliveTime().toSeconds() + " s) is not below the server's"
                    + " wait_timeout (" + wait + " s): idle pooled connections will be closed by the server before"
                    + " their keepalive ping; set keepaliveTime below " + wait + " s");
        }
        if (config.maxLifetime().compareTo(waitTimeout) >= 0) {
            problems.add("maxLifetime (" + config.maxLifetime().toSeconds() + " s) is not below the server's"
                    + " wait_timeout (" + wait + " s); set maxLifetime a few seconds below " + wait + " s");
        }
        return problems;
    }
}
