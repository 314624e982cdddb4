package io.kalisocket.db;

/**
 * The body of a transaction.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TxWork<T> {

    /**
     * Runs the statements of the transaction. Use {@code tx}, not the {@link Db}: the Db would take
     * another connection, outside this transaction.
     *
     * @param tx the statements, bound to the transaction's connection
     * @return the result handed back by {@code Db.tx(...)} once committed
     */
    T run(Queries tx);
}
