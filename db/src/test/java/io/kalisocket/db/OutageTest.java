package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TcpProxy;
import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The database becomes unreachable (a TCP proxy between the pool and MariaDB is cut), then comes back:
 * calls fail fast with {@link DbUnavailableException}, and the pool recovers without a restart.
 */
class OutageTest {

    private static final String DATABASE = "kalisocket_outage";

    @RegisterExtension
    static final ScratchDatabase SCRATCH = new ScratchDatabase(DATABASE);

    @BeforeAll
    static void table() {
        SCRATCH.admin().execute("CREATE TABLE " + DATABASE + ".messages"
                + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100) NOT NULL) ENGINE=InnoDB");
    }

    @Test
    void cut_callsFailFastWithUnavailable_restore_poolRecovers() {
        try (TcpProxy proxy = new TcpProxy(3306);
             Db db = Db.open(DbConfig.of(MariaDbAdmin.url(proxy.port(), DATABASE), "root", "").withPoolSize(2)
                     .withConnectionTimeout(Duration.ofMillis(500)))) {
            db.insert("INSERT INTO messages (text) VALUES (?)", "before");

            proxy.cut();

            assertUnavailable(() -> db.query("SELECT * FROM messages"));
            assertUnavailable(() -> db.insert("INSERT INTO messages (text) VALUES (?)", "during"));
            assertUnavailable(() -> db.tx(tx -> tx.update("INSERT INTO messages (text) VALUES (?)", "during tx")));

            proxy.restore();

            // The pool reconnects on demand; polling only absorbs HikariCP's reconnect backoff.
            await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(DbUnavailableException.class)
                    .until(() -> db.scalar(Long.class, "SELECT COUNT(*) FROM messages").orElseThrow() == 1);
            db.insert("INSERT INTO messages (text) VALUES (?)", "after");
            assertThat(db.query(String.class, "SELECT text FROM messages ORDER BY id")).containsExactly("before", "after");
        }
    }

    private static void assertUnavailable(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DbUnavailableException.class, e -> {
            assertThat(e.replyCode()).isEqualTo(503);
            assertThat(e.outcome()).isEqualTo(DbException.Outcome.NOT_APPLIED);
            assertThat(e).hasMessageContaining("unavailable");
        });
    }
}
