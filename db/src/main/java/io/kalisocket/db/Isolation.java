package io.kalisocket.db;

import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/** Transaction isolation levels, as in SQL. */
public enum Isolation {
    /** Reads may see other transactions' uncommitted writes. */
    READ_UNCOMMITTED(TransactionIsolationLevel.READ_UNCOMMITTED),
    /** Each statement sees what was committed before it started. */
    READ_COMMITTED(TransactionIsolationLevel.READ_COMMITTED),
    /** The transaction sees one snapshot throughout (MariaDB's InnoDB default). */
    REPEATABLE_READ(TransactionIsolationLevel.REPEATABLE_READ),
    /** As if transactions ran one after the other. */
    SERIALIZABLE(TransactionIsolationLevel.SERIALIZABLE);

    private final TransactionIsolationLevel jdbi;

    Isolation(TransactionIsolationLevel jdbi) {
        this.jdbi = jdbi;
    }

    TransactionIsolationLevel jdbi() {
        return jdbi;
    }
}
