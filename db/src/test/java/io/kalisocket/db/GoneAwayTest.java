package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "MySQL server has gone away", against the real MariaDB: connections closed by the server while idle,
 * killed by an admin, killed in the middle of a statement.
 */
class GoneAwayTest {

    private static final String DATABASE = "kalisocket_gone_away";
    private static final int POOL_SIZE = 3;

    @RegisterExtension
    static final ScratchDatabase SCRATCH = new ScratchDatabase(DATABASE);

    private Db db;


    @BeforeEach
    void table() {
        SCRATCH.admin().execute("CREATE OR REPLACE TABLE " + DATABASE + ".messages"
                + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(100) NOT NULL) ENGINE=InnoDB");
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private Db open() {
        return Db.open(DbConfig.of(SCRATCH.url(), "root", "").withPoolSize(POOL_SIZE).withConnectionTimeout(Duration.ofSeconds(2)));
    }

    private void awaitPoolFull() {
        await().atMost(Duration.ofSeconds(20)).until(() -> SCRATCH.admin().connectionIds(DATABASE).size() == POOL_SIZE);
    }

    private long storedCount(String text) {
        return SCRATCH.admin().queryLong("SELECT COUNT(*) FROM " + DATABASE + ".messages WHERE text = '" + text + "'");
    }

    @Test
    void idleKill_serverClosesIdleConnections_callsStillSucceed() {
        long saved = SCRATCH.admin().queryLong("SELECT @@GLOBAL.wait_timeout");
        try {
            SCRATCH.admin().execute("SET GLOBAL wait_timeout = 2");
            db = open();
            awaitPoolFull(); // every pooled connection now has a 2 s wait_timeout
        } finally {
            // A value this low can only be left over from a crashed run: put back MariaDB's default.
            SCRATCH.admin().execute("SET GLOBAL wait_timeout = " + (saved <= 2 ? 28800 : saved));
        }
        assertThat(db.serverWaitTimeout()).contains(Duration.ofSeconds(2));
        assertThat(db.warnings()).singleElement().asString().contains("wait_timeout (2 s)");
        List<Long> idle = SCRATCH.admin().connectionIds(DATABASE);

        await().atMost(Duration.ofSeconds(30)).until(() -> SCRATCH.admin().connectionIds(DATABASE).stream().noneMatch(idle::contains));

        long id = db.insert("INSERT INTO messages (text) VALUES (?)", "after idle");
        assertThat(db.query(String.class, "SELECT text FROM messages WHERE id = ?", id)).containsExactly("after idle");
        assertThat(storedCount("after idle")).isEqualTo(1);
    }

    @Test
    void kill_everyPoolConnection_writeStoredOnceAndReadSucceeds() {
        db = open();
        awaitPoolFull();
        List<Long> killed = SCRATCH.admin().killAll(DATABASE);
        assertThat(killed).hasSize(POOL_SIZE);

        long id = db.insert("INSERT INTO messages (text) VALUES (?)", "after kill");
        List<String> read = db.query(String.class, "SELECT text FROM messages");

        assertThat(read).containsExactly("after kill");
        assertThat(storedCount("after kill")).isEqualTo(1);
        assertThat(SCRATCH.admin().connectionIds(DATABASE)).doesNotContainAnyElementsOf(killed);
        assertThat(id).isPositive();
    }

    @Test
    void read_connectionKilledWhileRunning_runsOnceMoreOnAFreshConnection() {
        db = open();
        SCRATCH.admin().execute("DO GET_LOCK('kalisocket_read', 0)"); // the read below waits for this lock
        CompletableFuture<List<Long>> read = CompletableFuture.supplyAsync(
                () -> db.query(Long.class, "SELECT GET_LOCK('kalisocket_read', 30) + RELEASE_LOCK('kalisocket_read')"));
        List<Long> running = awaitRunning("SELECT GET_LOCK('kalisocket_read'");
        SCRATCH.admin().kill(running.get(0));
        SCRATCH.admin().execute("DO RELEASE_LOCK('kalisocket_read')");

        assertThat(read.join()).containsExactly(2L);
    }

    @Test
    void write_connectionKilledWhileRunning_outcomeUnknownAndNotRetried() {
        db = open();
        SCRATCH.admin().execute("DO GET_LOCK('kalisocket_write', 0)"); // the write below waits for this lock
        CompletableFuture<Integer> write = CompletableFuture.supplyAsync(() -> db.update(
                "INSERT INTO messages (text) SELECT IF(GET_LOCK('kalisocket_write', 30), 'killed', 'timed out')"));
        List<Long> running = awaitRunning("INSERT INTO messages");
        SCRATCH.admin().kill(running.get(0));

        // Had the write been re-run, it would be waiting for the lock still held here, not failing.
        assertThatThrownBy(write::join).hasCauseInstanceOf(DbException.class).cause()
                .isInstanceOfSatisfying(DbException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(DbException.Outcome.UNKNOWN);
                    assertThat(e.outcomeUnknown()).isTrue();
                    assertThat(e).hasMessageContaining("outcome unknown").hasMessageContaining("not retried");
                });
        SCRATCH.admin().execute("DO RELEASE_LOCK('kalisocket_write')");
        assertThat(storedCount("killed")).isZero();
    }

    private List<Long> awaitRunning(String prefix) {
        return await().atMost(Duration.ofSeconds(20))
                .until(() -> SCRATCH.admin().connectionsRunning(DATABASE, prefix), ids -> ids.size() == 1);
    }
}
