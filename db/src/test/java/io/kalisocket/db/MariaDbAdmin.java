package io.kalisocket.db;

import io.kalisocket.testing.RequiredService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The test's own admin connection to the real MariaDB on 127.0.0.1:3306 (root, no password): creates
 * scratch databases, lists and kills the pool's connections, changes server variables. Plain JDBC, so
 * nothing of the code under test is involved.
 */
final class MariaDbAdmin implements AutoCloseable {

    static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private final Connection connection;

    private MariaDbAdmin(Connection connection) {
        this.connection = connection;
    }

    /**
     * Connects as root. Without MariaDB the calling test (or class, from a {@code @BeforeAll}) fails under
     * {@code CI=true} and is skipped elsewhere ({@link RequiredService#mariaDb()}).
     *
     * @return the connection
     */
    static MariaDbAdmin connect() {
        RequiredService.mariaDb().require();
        try {
            return new MariaDbAdmin(DriverManager.getConnection(SERVER + "?connectTimeout=2000", "root", ""));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to MariaDB as root", e);
        }
    }

    /** @param port where MariaDB (or a proxy in front of it) listens on loopback @param database the database
     *  @return the JDBC URL */
    static String url(int port, String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
    }

    /** Creates an empty database (dropping any left from an earlier run) and returns its JDBC URL. */
    String freshDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name);
        execute("CREATE DATABASE " + name);
        return SERVER + name;
    }

    /** Drops a database made by {@link #freshDatabase}. */
    void dropDatabase(String name) {
        execute("DROP DATABASE IF EXISTS " + name);
    }

    /** Runs a statement as root. */
    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs a single-value query as root. */
    long queryLong(String sql) {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The server-side ids of the connections whose current database is {@code database}: the pool's. */
    List<Long> connectionIds(String database) {
        return ids("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()", database);
    }

    /** The ids of the connections of {@code database} running a statement that starts with {@code prefix}. */
    List<Long> connectionsRunning(String database, String prefix) {
        return ids("SELECT ID FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '"
                + prefix.replace("'", "''") + "%' AND ID <> CONNECTION_ID()", database);
    }

    /** Kills a connection, as {@code KILL id} does. */
    void kill(long id) {
        execute("KILL " + id);
    }

    /** Kills every connection of {@code database}. */
    List<Long> killAll(String database) {
        List<Long> ids = connectionIds(database);
        ids.forEach(this::kill);
        return ids;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private List<Long> ids(String sql, String database) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, database);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
