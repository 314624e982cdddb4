package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How driver errors are read. The exceptions are the ones MariaDB Connector/J raises (SQLSTATE, error
 * code and message as observed against the real server), wrapped the way Jdbi wraps them.
 */
class FailuresTest {

    /** The read or write hit a connection the server had closed: sent, outcome unknown. */
    private static final SQLException SOCKET_ERROR = new SQLNonTransientConnectionException(
            "(conn=11) Socket error", "08000", -1, new EOFException("socket was closed by server"));
    /** The driver already knew the connection was closed and sent nothing. */
    private static final SQLException CONNECTION_IS_CLOSED =
            new SQLNonTransientConnectionException("(conn=11) Connection is closed", "08000", 1220);
    private static final SQLException DUPLICATE_KEY =
            new SQLIntegrityConstraintViolationException("Duplicate entry '1' for key 'PRIMARY'", "23000", 1062);
    private static final SQLException DEADLOCK =
            new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213);

    private static RuntimeException jdbiWrapped(SQLException cause) {
        return new RuntimeException("Jdbi: unable to execute statement", cause);
    }

    @Test
    void connectionLost() {
        assertThat(Failures.connectionLost(jdbiWrapped(SOCKET_ERROR))).isTrue();
        assertThat(Failures.connectionLost(jdbiWrapped(CONNECTION_IS_CLOSED))).isTrue();
        assertThat(Failures.connectionLost(jdbiWrapped(new SQLException("Connection was killed", "70100", 1927))))
                .isTrue();
        assertThat(Failures.connectionLost(jdbiWrapped(DUPLICATE_KEY))).isFalse();
        assertThat(Failures.connectionLost(new IllegalStateException("not SQL"))).isFalse();
    }

    @Test
    void neverSent_onlyWhenTheDriverRefusedToSend() {
        assertThat(Failures.neverSent(jdbiWrapped(CONNECTION_IS_CLOSED))).isTrue();
        assertThat(Failures.neverSent(jdbiWrapped(new SQLException("No operations allowed after connection closed.",
                "08003")))).isTrue();
        assertThat(Failures.neverSent(jdbiWrapped(SOCKET_ERROR))).isFalse();
    }

    @Test
    void rolledBackByServer() {
        assertThat(Failures.rolledBackByServer(jdbiWrapped(DEADLOCK))).isTrue();
        assertThat(Failures.rolledBackByServer(jdbiWrapped(DUPLICATE_KEY))).isFalse();
    }

    @Test
    void refusedOrAsIs() {
        RuntimeException refused = Failures.refusedOrAsIs(jdbiWrapped(DUPLICATE_KEY));
        assertThat(refused).isInstanceOfSatisfying(DbException.class, e -> {
            assertThat(e.outcome()).isEqualTo(DbException.Outcome.NOT_APPLIED);
            assertThat(e.sqlState()).contains("23000");
            assertThat(e).hasMessageContaining("Duplicate entry");
        });
        IllegalArgumentException own = new IllegalArgumentException("the action's own");
        assertThat(Failures.refusedOrAsIs(own)).isSameAs(own);
    }

    @Test
    void open_unreachablePrimary_unavailable() {
        // Port 1 on loopback refuses at once: no server needed.
        DbConfig config = DbConfig.of("jdbc:mariadb://127.0.0.1:1/app", "root", "")
                .withConnectionTimeout(Duration.ofMillis(500));
        assertThatThrownBy(() -> Db.open(config)).isInstanceOfSatisfying(DbUnavailableException.class, e -> {
            assertThat(e.replyCode()).isEqualTo(503);
            assertThat(e).hasMessageContaining("cannot connect to the primary database");
        });
    }
}
