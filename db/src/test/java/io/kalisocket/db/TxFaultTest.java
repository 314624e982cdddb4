package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A transaction's connection is killed in the middle of the work, against the real MariaDB. */
class TxFaultTest {

    private static final String DATABASE = "kalisocket_tx_fault";

    @RegisterExtension
    static final ScratchDatabase SCRATCH = new ScratchDatabase(DATABASE);

    private Db db;


    @BeforeEach
    void open() {
        SCRATCH.admin().execute("CREATE OR REPLACE TABLE " + DATABASE + ".transfers"
                + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, run INT NOT NULL, leg VARCHAR(10) NOT NULL) ENGINE=InnoDB");
        db = Db.open(DbConfig.of(SCRATCH.url(), "root", "").withPoolSize(2).withConnectionTimeout(Duration.ofSeconds(2)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    /** Kills the connection the transaction runs on, from the admin connection. */
    private void killOwnConnection(Queries tx) {
        SCRATCH.admin().kill(tx.scalar(Long.class, "SELECT CONNECTION_ID()").orElseThrow());
    }

    private long rows() {
        return SCRATCH.admin().queryLong("SELECT COUNT(*) FROM " + DATABASE + ".transfers");
    }

    @Test
    void tx_connectionKilledMidway_nothingCommittedAndErrorSaysSo() {
        assertThatThrownBy(() -> db.tx(tx -> {
            tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'debit')");
            killOwnConnection(tx);
            return tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'credit')");
        })).isInstanceOfSatisfying(DbException.class, e -> {
            assertThat(e.outcome()).isEqualTo(DbException.Outcome.NOT_APPLIED);
            assertThat(e).hasMessageContaining("rolled back").hasMessageContaining("nothing of it was committed");
        });
        assertThat(rows()).isZero();
    }

    @Test
    void tx_workSwallowsTheLostConnection_stillNothingCommitted() {
        assertThatThrownBy(() -> db.tx(tx -> {
            tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'debit')");
            killOwnConnection(tx);
            try {
                tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'credit')");
            } catch (DbException ignored) {
                // a careless action carries on
            }
            return "done";
        })).isInstanceOf(DbException.class).hasMessageContaining("nothing of it was committed");
        assertThat(rows()).isZero();
    }

    @Test
    void txRetries_connectionKilledMidway_wholeUnitRunsOnceMoreAndCommitsOnce() {
        AtomicInteger runs = new AtomicInteger();
        int committedRun = db.tx(1, tx -> {
            int run = runs.incrementAndGet();
            tx.update("INSERT INTO transfers (run, leg) VALUES (?, 'debit')", run);
            if (run == 1) {
                killOwnConnection(tx);
            }
            tx.update("INSERT INTO transfers (run, leg) VALUES (?, 'credit')", run);
            return run;
        });
        assertThat(committedRun).isEqualTo(2);
        assertThat(runs).hasValue(2);
        assertThat(rows()).isEqualTo(2);
        assertThat(SCRATCH.admin().queryLong("SELECT COUNT(*) FROM " + DATABASE + ".transfers WHERE run = 2")).isEqualTo(2);
    }

    @Test
    void txRetries_exhausted_failsWithTheLastError() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> db.tx(1, tx -> {
            runs.incrementAndGet();
            tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'debit')");
            killOwnConnection(tx);
            return tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'credit')");
        })).isInstanceOf(DbException.class).hasMessageContaining("nothing of it was committed");
        assertThat(runs).hasValue(2);
        assertThat(rows()).isZero();
    }

    @Test
    void tx_afterKillingEveryPoolConnection_startsOnALiveOne() {
        SCRATCH.admin().killAll(DATABASE);
        int inserted = db.tx(tx -> tx.update("INSERT INTO transfers (run, leg) VALUES (1, 'debit')"));
        assertThat(inserted).isEqualTo(1);
        assertThat(rows()).isEqualTo(1);
    }
}
