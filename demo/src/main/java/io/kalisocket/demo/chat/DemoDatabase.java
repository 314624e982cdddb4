package io.kalisocket.demo.chat;

import io.kalisocket.db.Db;
import io.kalisocket.db.DbConfig;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's database: opened in {@code onWorkerStart} (as the PHP original insists: never touch the
 * database outside the worker callbacks), its schema created there, closed when the server stops. One
 * pool serves every worker.
 */
public final class DemoDatabase {

    private static final Logger log = LoggerFactory.getLogger(DemoDatabase.class);

    /** Idempotent DDL that means the same on H2 and MariaDB/MySQL. */
    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS chat_message ("
                + " id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                + " room VARCHAR(64) NOT NULL,"
                + " sender VARCHAR(64),"
                + " text VARCHAR(4096) NOT NULL,"
                + " ts BIGINT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS chat_message_room_id ON chat_message (room, id)",
    };

    private final DbConfig config;
    private volatile Db db;

    /** @param config where the database is */
    public DemoDatabase(DbConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** Opens the pool and creates the schema; call once, from the first worker's start. */
    public synchronized void open() {
        if (db != null) {
            return;
        }
        Db opened = Db.open(config);
        for (String ddl : SCHEMA) {
            opened.update(ddl);
        }
        db = opened;
        log.info("chat history in {}", config.url());
    }

    /** Closes the pool; call once, from the last worker's stop. */
    public synchronized void close() {
        if (db != null) {
            db.close();
            db = null;
        }
    }

    /** @return the pools' figures for /status, or a note that the database is closed */
    public Object status() {
        Db current = db;
        return current == null ? java.util.Map.of("state", "closed") : current.poolStats();
    }

    /**
     * @return the open database
     * @throws IllegalStateException before {@link #open()} or after {@link #close()}
     */
    public Db db() {
        Db current = db;
        if (current == null) {
            throw new IllegalStateException("the database is open only while the server runs");
        }
        return current;
    }
}
