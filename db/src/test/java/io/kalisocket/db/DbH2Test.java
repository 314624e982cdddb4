package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link Queries} API and transactions as a specification, on the embedded default (H2 in memory). */
class DbH2Test {

    record Message(long id, String room, String fromUid, String text, LocalDateTime ts) {
    }

    private Db db;

    @BeforeEach
    void open() {
        String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
        db = Db.open(DbConfig.of(url, "", "").withPoolSize(2));
        db.update("CREATE TABLE messages (id BIGINT AUTO_INCREMENT PRIMARY KEY, room VARCHAR(40) NOT NULL,"
                + " from_uid VARCHAR(40), text VARCHAR(400) NOT NULL, ts TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long say(Queries q, String room, String text) {
        return q.insert("INSERT INTO messages (room, from_uid, text) VALUES (?, ?, ?)", room, "u1", text);
    }

    /* ---------------- open ---------------- */

    @Test
    void poolStats_givesThePrimarysConnectionFigures() {
        java.util.Map<String, Object> primary = db.poolStats().get(0);
        org.assertj.core.api.Assertions.assertThat(primary).containsEntry("name", "primary")
                .containsKeys("active", "idle", "total", "waiting");
    }

    @Test
    void open_defaults_embeddedH2() {
        try (Db embedded = Db.open(DbConfig.defaults())) {
            assertThat(embedded.scalar(Integer.class, "SELECT 1 + 1")).contains(2);
            assertThat(embedded.serverWaitTimeout()).isEmpty();
            assertThat(embedded.warnings()).isEmpty();
        }
    }

    /* ---------------- insert ---------------- */

    @Test
    void insert_returnsGeneratedKey() {
        assertThat(say(db, "r1", "hello")).isEqualTo(1);
        assertThat(say(db, "r1", "again")).isEqualTo(2);
    }

    /* ---------------- query ---------------- */

    @Test
    void query_toMaps_lowerCaseKeys() {
        say(db, "r1", "hello");
        List<Map<String, Object>> rows = db.query("SELECT id, room, text FROM messages WHERE room = ?", "r1");
        assertThat(rows).containsExactly(Map.of("id", 1L, "room", "r1", "text", "hello"));
    }

    @Test
    void query_toRecords_snakeCaseColumnsToCamelCaseComponents() {
        say(db, "r1", "one");
        say(db, "r1", "two");
        List<Message> messages = db.query(Message.class, "SELECT * FROM messages ORDER BY id");
        assertThat(messages).extracting(Message::text).containsExactly("one", "two");
        assertThat(messages).extracting(Message::fromUid).containsOnly("u1");
        assertThat(messages.get(0).ts()).isNotNull();
    }

    @Test
    void query_toValues() {
        say(db, "r1", "one");
        say(db, "r2", "two");
        assertThat(db.query(String.class, "SELECT room FROM messages ORDER BY id")).containsExactly("r1", "r2");
    }

    @Test
    void query_parametersAreBoundNeverSpliced() {
        String hostile = "x'); DROP TABLE messages; --";
        say(db, "r1", hostile);
        assertThat(db.query(String.class, "SELECT text FROM messages WHERE text = ?", hostile)).containsExactly(hostile);
    }

    @Test
    void query_nullParameter() {
        db.update("INSERT INTO messages (room, from_uid, text) VALUES (?, ?, ?)", "r1", null, "anonymous");
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages WHERE from_uid IS NULL")).contains(1L);
    }

    /* ---------------- queryOne ---------------- */

    @Test
    void queryOne_firstRow() {
        say(db, "r1", "one");
        say(db, "r1", "two");
        assertThat(db.queryOne("SELECT text FROM messages ORDER BY id")).contains(Map.of("text", "one"));
        assertThat(db.queryOne(Message.class, "SELECT * FROM messages WHERE text = ?", "two"))
                .hasValueSatisfying(m -> assertThat(m.id()).isEqualTo(2));
    }

    @Test
    void queryOne_noRow() {
        assertThat(db.queryOne("SELECT * FROM messages")).isEmpty();
        assertThat(db.queryOne(Message.class, "SELECT * FROM messages")).isEmpty();
    }

    /* ---------------- scalar ---------------- */

    @Test
    void scalar_firstColumn() {
        say(db, "r1", "one");
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(1L);
        assertThat(db.scalar(String.class, "SELECT text, room FROM messages")).contains("one");
    }

    @Test
    void scalar_nullOrNoRow_isEmpty() {
        assertThat(db.scalar(Long.class, "SELECT MAX(id) FROM messages")).isEmpty();
        assertThat(db.scalar(Long.class, "SELECT id FROM messages")).isEmpty();
    }

    /* ---------------- update ---------------- */

    @Test
    void update_rowsAffected() {
        say(db, "r1", "one");
        say(db, "r1", "two");
        say(db, "r2", "three");
        assertThat(db.update("DELETE FROM messages WHERE room = ?", "r1")).isEqualTo(2);
    }

    @Test
    void update_refused_notApplied() {
        assertThatThrownBy(() -> db.update("INSERT INTO messages (room, text) VALUES (?, ?)", "r1", null))
                .isInstanceOfSatisfying(DbException.class, e -> {
                    assertThat(e.outcome()).isEqualTo(DbException.Outcome.NOT_APPLIED);
                    assertThat(e.sqlState()).contains("23502");
                    assertThat(e.replyCode()).isEqualTo(500);
                });
    }

    /* ---------------- batch ---------------- */

    @Test
    void batch_oneCountPerRow() {
        int[] counts = db.batch("INSERT INTO messages (room, text) VALUES (?, ?)",
                List.of(List.of("r1", "a"), List.of("r1", "b"), List.of("r2", "c")));
        assertThat(counts).containsExactly(1, 1, 1);
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(3L);
    }

    @Test
    void batch_allOrNothing() {
        assertThatThrownBy(() -> db.batch("INSERT INTO messages (room, text) VALUES (?, ?)",
                List.of(List.of("r1", "a"), Arrays.asList("r1", null), List.of("r2", "c"))))
                .isInstanceOf(DbException.class);
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(0L);
    }

    @Test
    void batch_empty() {
        assertThat(db.batch("INSERT INTO messages (room, text) VALUES (?, ?)", List.of())).isEmpty();
    }

    /* ---------------- tx ---------------- */

    @Test
    void tx_commitsOnReturn() {
        long id = db.tx(tx -> {
            say(tx, "r1", "one");
            return say(tx, "r1", "two");
        });
        assertThat(id).isEqualTo(2);
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(2L);
    }

    @Test
    void tx_rollsBackOnException() {
        assertThatThrownBy(() -> db.tx(tx -> {
            say(tx, "r1", "one");
            throw new IllegalStateException("the action changed its mind");
        })).isInstanceOf(IllegalStateException.class).hasMessage("the action changed its mind");
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(0L);
    }

    @Test
    void tx_seesItsOwnWrites_othersDoNotBeforeCommit() {
        db.tx(tx -> {
            say(tx, "r1", "one");
            assertThat(tx.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(1L);
            assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(0L);
            return null;
        });
    }

    @Test
    void tx_isolation() {
        String level = db.tx(Isolation.SERIALIZABLE, tx -> tx.scalar(String.class,
                "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()").orElseThrow());
        assertThat(level).isEqualTo("SERIALIZABLE");
    }

    @Test
    void txRetries_applicationExceptionIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> db.tx(3, tx -> {
            runs.incrementAndGet();
            say(tx, "r1", "one");
            throw new IllegalArgumentException("bad input");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(runs).hasValue(1);
        assertThat(db.scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(0L);
    }

    @Test
    void txRetries_refusedStatementIsNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> db.tx(3, tx -> {
            runs.incrementAndGet();
            return tx.update("INSERT INTO nowhere VALUES (1)");
        })).isInstanceOf(DbException.class);
        assertThat(runs).hasValue(1);
    }

    @Test
    void txRetries_negative() {
        assertThatThrownBy(() -> db.tx(-1, tx -> null)).isInstanceOf(IllegalArgumentException.class);
    }

    /* ---------------- primary ---------------- */

    @Test
    void primary_withoutReplicas_isTheSameDatabase() {
        say(db, "r1", "one");
        assertThat(db.primary().scalar(Long.class, "SELECT COUNT(*) FROM messages")).contains(1L);
    }

    /* ---------------- close ---------------- */

    @Test
    void close_laterCallsFail() {
        db.close();
        assertThatThrownBy(() -> db.query("SELECT 1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
