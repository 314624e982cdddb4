package io.kalisocket.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connections that answered a ping just before they are handed out. HikariCP skips its own check for
 * a connection used in the last half second, which is exactly when a KILL or a server restart leaves it
 * dead; a write must not be sent on such a connection, because its failure could not tell whether the
 * write took effect. A dead connection is evicted before Jdbi ever sees it, and the next one is tried.
 */
final class PingedConnections implements ConnectionFactory {

    private static final Logger LOG = LoggerFactory.getLogger(PingedConnections.class);

    private final String name;
    private final HikariDataSource dataSource;
    private final int validationSeconds;
    private final int maxAttempts;

    PingedConnections(String name, HikariDataSource dataSource, DbConfig config) {
        this.name = name;
        this.dataSource = dataSource;
        this.validationSeconds = (int) Math.max(1, config.validationTimeout().toSeconds());
        // Every pooled connection may be dead (after a server restart): go through all of them, then one new.
        this.maxAttempts = config.poolSize() + 1;
    }

    @Override
    public Connection openConnection() throws SQLException {
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            Connection connection = dataSource.getConnection();
            if (alive(connection)) {
                return connection;
            }
            LOG.debug("{}: dropping a dead pooled connection before use", name);
            // HikariCP closes it and takes it out of the pool; the proxy is not closed again.
            dataSource.evictConnection(connection);
        }
        throw new SQLTransientConnectionException(maxAttempts + " connections in a row were dead", "08006");
    }

    private boolean alive(Connection connection) {
        try {
            return connection.isValid(validationSeconds);
        } catch (SQLException e) {
            return false;
        }
    }
}
