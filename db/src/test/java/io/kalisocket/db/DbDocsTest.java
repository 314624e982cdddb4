package io.kalisocket.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.kalisocket.testing.DocSamples;
import java.lang.reflect.Method;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java samples of docs/DB.md compile and do what the page says, on in-memory H2 databases in MariaDB mode (the
 * page's addresses are replaced by theirs, and its {@code ...} line by a comment): opening with a replica and
 * closing; an insert, a query into a record, and a transfer in one transaction.
 */
class DbDocsTest {

    private static final String OPENING = """
            package app;

            import io.kalisocket.db.Db;
            import io.kalisocket.db.DbConfig;
            import java.util.List;

            public final class Opening {
                public static void run() {
            %s
                }
            }
            """;

    /** The second sample's free names ({@code room}, {@code uid}...) become parameters, {@code Message} a record. */
    private static final String QUERIES = """
            package app;

            import io.kalisocket.db.Db;
            import java.util.List;

            public final class Queries {
                public record Message(long id, String room, String fromUid, String text) {
                }

                public static List<Message> run(Db db, String room, String uid, String text, int limit, long amount,
                        String from, String to) {
            %s
                    return last;
                }
            }
            """;

    @Test
    void dbMd_samplesCompile_openAndClose_andQueryAndTransferAsTheyComment(@TempDir Path dir) throws Exception {
        List<String> samples = DocSamples.javaBlocks("docs/DB.md");
        assertThat(samples).as("the Java samples of docs/DB.md, each run below").hasSize(2);
        String primary = h2();
        String opening = samples.get(0).replace("\n...\n", "\n// ...\n")
                .replace("jdbc:mariadb://127.0.0.1:3306/chat", primary).replace("\"chat\", \"secret\"", "\"\", \"\"")
                .replace("jdbc:mariadb://replica1:3306/chat", h2());

        try (URLClassLoader loader = DocSamples.compile(dir, Map.of("app.Opening", OPENING.formatted(opening),
                "app.Queries", QUERIES.formatted(samples.get(1))));
                Db db = Db.open(DbConfig.of(primary, "", ""))) {
            loader.loadClass("app.Opening").getMethod("run").invoke(null);

            db.update("CREATE TABLE messages (id BIGINT AUTO_INCREMENT PRIMARY KEY, room VARCHAR(40) NOT NULL,"
                    + " from_uid VARCHAR(40), text VARCHAR(400) NOT NULL)");
            db.update("CREATE TABLE wallets (uid VARCHAR(40) PRIMARY KEY, balance BIGINT NOT NULL)");
            db.update("INSERT INTO wallets VALUES ('ann', 100), ('bob', 0)");
            db.update("INSERT INTO messages (room, from_uid, text) VALUES ('r1', 'bob', 'earlier')");
            Method queries = loader.loadClass("app.Queries").getMethod("run", Db.class, String.class, String.class,
                    String.class, int.class, long.class, String.class, String.class);

            List<?> last = (List<?>) queries.invoke(null, db, "r1", "ann", "hello", 1, 30L, "ann", "bob");
            assertThat(last).as("the room's last message, newest first").singleElement().hasToString(
                    "Message[id=2, room=r1, fromUid=ann, text=hello]");
            assertThat(db.query("SELECT uid, balance FROM wallets ORDER BY uid")).as("the transfer, both legs")
                    .containsExactly(Map.of("uid", "ann", "balance", 70L), Map.of("uid", "bob", "balance", 30L));
        }
    }

    /** @return the URL of a new in-memory H2 database in MariaDB mode, kept until the JVM ends */
    private static String h2() {
        return "jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1";
    }
}
