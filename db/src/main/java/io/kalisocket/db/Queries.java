package io.kalisocket.db;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of the small API, with {@code ?} placeholders whose values are always bound, never
 * spliced into the SQL. Implemented by {@link Db} (reads may go to a replica and are retried once when
 * the connection was lost), by {@link Db#primary()}, and by the {@code tx} handed to a {@link TxWork}
 * (every statement on the transaction's connection, nothing retried).
 *
 * <p>Maps have lower-case column labels as keys. Records are filled by matching column labels to
 * component names (case-insensitive, {@code snake_case} matches {@code camelCase}). Every failure is a
 * {@link DbException}.
 */
public interface Queries {

    /**
     * Runs a query and returns every row as a map.
     *
     * @param sql the query, with {@code ?} placeholders
     * @param args the values bound to the placeholders, in order
     * @return the rows, in the order the database returned them
     */
    List<Map<String, Object>> query(String sql, Object... args);

    /**
     * Runs a query and maps every row to a record (or to a single-column value such as {@code Long}).
     *
     * @param type the record or value type
     * @param sql the query, with {@code ?} placeholders
     * @param args the values bound to the placeholders, in order
     * @param <T> the row type
     * @return the rows, in the order the database returned them
     */
    <T> List<T> query(Class<T> type, String sql, Object... args);

    /**
     * Runs a query and returns its first row as a map.
     *
     * @param sql the query, with {@code ?} placeholders; add {@code LIMIT 1} when more rows may match
     * @param args the values bound to the placeholders, in order
     * @return the first row, or empty when there is none
     */
    Optional<Map<String, Object>> queryOne(String sql, Object... args);

    /**
     * Runs a query and maps its first row to a record (or to a single-column value).
     *
     * @param type the record or value type
     * @param sql the query, with {@code ?} placeholders; add {@code LIMIT 1} when more rows may match
     * @param args the values bound to the placeholders, in order
     * @param <T> the row type
     * @return the first row, or empty when there is none
     */
    <T> Optional<T> queryOne(Class<T> type, String sql, Object... args);

    /**
     * Runs a query and returns the first column of its first row, e.g. a {@code COUNT(*)}.
     *
     * @param type the value's type, e.g. {@code Long.class} or {@code String.class}
     * @param sql the query, with {@code ?} placeholders
     * @param args the values bound to the placeholders, in order
     * @param <T> the value's type
     * @return the value, or empty when there is no row or the value is SQL NULL
     */
    <T> Optional<T> scalar(Class<T> type, String sql, Object... args);

    /**
     * Runs an {@code INSERT}, {@code UPDATE}, {@code DELETE} or DDL statement.
     *
     * @param sql the statement, with {@code ?} placeholders
     * @param args the values bound to the placeholders, in order
     * @return the number of rows affected
     */
    int update(String sql, Object... args);

    /**
     * Runs an {@code INSERT} into a table with an auto-increment key and returns the new key.
     *
     * @param sql the insert, with {@code ?} placeholders
     * @param args the values bound to the placeholders, in order
     * @return the generated key of the (first) inserted row
     */
    long insert(String sql, Object... args);

    /**
     * Runs one statement once per row of arguments, all or nothing: outside a transaction the batch
     * runs in one of its own.
     *
     * @param sql the statement, with {@code ?} placeholders
     * @param rows one list of values per run (may contain nulls)
     * @return the number of rows affected by each run
     */
    int[] batch(String sql, List<? extends List<?>> rows);
}
