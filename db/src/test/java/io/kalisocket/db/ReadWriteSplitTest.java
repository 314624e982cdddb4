package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kalisocket.testing.TcpProxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Read/write split against the real MariaDB: other databases on the same server stand in for replicas.
 * Each database has a table {@code whoami} naming itself, so a read shows where it ran.
 */
class ReadWriteSplitTest {

    private static final String PRIMARY = "kalisocket_split_primary";
    private static final String REPLICA_1 = "kalisocket_split_replica1";
    private static final String REPLICA_2 = "kalisocket_split_replica2";
    private static final String WHOAMI = "SELECT name FROM whoami";

    private static MariaDbAdmin admin;

    @BeforeAll
    static void databases() {
        admin = MariaDbAdmin.connect();
        for (String database : List.of(PRIMARY, REPLICA_1, REPLICA_2)) {
            admin.freshDatabase(database);
            admin.execute("CREATE TABLE " + database + ".whoami (name VARCHAR(40))");
            admin.execute("INSERT INTO " + database + ".whoami VALUES ('" + database + "')");
            admin.execute("CREATE TABLE " + database + ".notes"
                    + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, text VARCHAR(40)) ENGINE=InnoDB");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        if (admin != null) {
            List.of(PRIMARY, REPLICA_1, REPLICA_2).forEach(admin::dropDatabase);
            admin.close();
        }
    }

    private static DbConfig config(String... replicaUrls) {
        return DbConfig.of(MariaDbAdmin.SERVER + PRIMARY, "root", "").withPoolSize(2)
                .withConnectionTimeout(Duration.ofMillis(500)).withReplicas(List.of(replicaUrls));
    }

    private static List<String> whoami(Queries queries, int reads) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reads; i++) {
            names.add(queries.scalar(String.class, WHOAMI).orElseThrow());
        }
        return names;
    }

    private static long notes(String database) {
        return admin.queryLong("SELECT COUNT(*) FROM " + database + ".notes");
    }

    @Test
    void reads_roundRobinOverReplicas() {
        try (Db db = Db.open(config(MariaDbAdmin.SERVER + REPLICA_1, MariaDbAdmin.SERVER + REPLICA_2))) {
            List<String> names = whoami(db, 4);
            assertThat(names).containsOnly(REPLICA_1, REPLICA_2);
            assertThat(names.get(0)).isNotEqualTo(names.get(1));
            assertThat(names.subList(2, 4)).isEqualTo(names.subList(0, 2));
        }
    }

    @Test
    void writesAndTransactions_onThePrimary() {
        try (Db db = Db.open(config(MariaDbAdmin.SERVER + REPLICA_1))) {
            long before = notes(PRIMARY);
            db.insert("INSERT INTO notes (text) VALUES (?)", "written");
            db.batch("INSERT INTO notes (text) VALUES (?)", List.of(List.of("batch")));
            String inTx = db.tx(tx -> {
                tx.update("INSERT INTO notes (text) VALUES (?)", "in tx");
                return tx.scalar(String.class, WHOAMI).orElseThrow();
            });
            assertThat(inTx).isEqualTo(PRIMARY);
            assertThat(notes(PRIMARY)).isEqualTo(before + 3);
            assertThat(notes(REPLICA_1)).isZero();
        }
    }

    @Test
    void primary_readsYourWrites() {
        try (Db db = Db.open(config(MariaDbAdmin.SERVER + REPLICA_1))) {
            long id = db.insert("INSERT INTO notes (text) VALUES (?)", "mine");
            assertThat(db.primary().scalar(String.class, "SELECT text FROM notes WHERE id = ?", id)).contains("mine");
            assertThat(db.scalar(String.class, "SELECT text FROM notes WHERE id = ?", id)).isEmpty(); // the "lagging" replica
            assertThat(whoami(db.primary(), 2)).containsOnly(PRIMARY);
        }
    }

    @Test
    void replicaDown_skipped_thenRetriedLater() {
        AtomicLong clock = new AtomicLong();
        try (TcpProxy proxy = new TcpProxy(3306);
             Db db = Db.open(config(MariaDbAdmin.url(proxy.port(), REPLICA_1), MariaDbAdmin.SERVER + REPLICA_2), clock::get)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> whoami(db, 2).contains(REPLICA_1));

            proxy.cut();
            assertThat(whoami(db, 4)).as("reads while replica 1 is down").containsOnly(REPLICA_2);

            proxy.restore();
            assertThat(whoami(db, 4)).as("replica 1 back, but its retry time has not come").containsOnly(REPLICA_2);

            clock.addAndGet(Duration.ofSeconds(10).toNanos());
            await().atMost(Duration.ofSeconds(20)).until(() -> whoami(db, 2).contains(REPLICA_1));
        }
    }

    @Test
    void everyReplicaDown_readsFallBackToThePrimary() {
        try (TcpProxy proxy = new TcpProxy(3306);
             Db db = Db.open(config(MariaDbAdmin.url(proxy.port(), REPLICA_1)))) {
            proxy.cut();
            assertThat(whoami(db, 3)).containsOnly(PRIMARY);
        }
    }
}
