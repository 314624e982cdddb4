package io.kalisocket.db;

import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Where a statement runs and what happens when its connection is lost: the one thing that differs
 * between {@link Db} (routing and retry rules) and a transaction (one connection, no retry).
 */
interface StatementRunner {

    /**
     * Runs a statement that changes nothing.
     */
    <T> T read(Function<Handle, T> statement);

    /**
     * Runs one statement that may change data.
     */
    <T> T write(Function<Handle, T> statement);

    /**
     * Runs statements that must take effect together or not at all.
     */
    <T> T writeAll(Function<Handle, T> statements);
}
