package io.kalisocket.db;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** The {@link Queries} API in Jdbi terms; where each statement runs is the {@link StatementRunner}'s business. */
final class SqlQueries implements Queries {

    private final StatementRunner runner;

    SqlQueries(StatementRunner runner) {
        this.runner = runner;
    }

    @Override
    public List<Map<String, Object>> query(String sql, Object... args) {
        return runner.read(h -> bind(h.createQuery(sql), args).mapToMap().list());
    }

    @Override
    public <T> List<T> query(Class<T> type, String sql, Object... args) {
        Objects.requireNonNull(type, "type");
        return runner.read(h -> bind(h.createQuery(sql), args).mapTo(type).list());
    }

    @Override
    public Optional<Map<String, Object>> queryOne(String sql, Object... args) {
        return runner.read(h -> bind(h.createQuery(sql), args).mapToMap().findFirst());
    }

    @Override
    public <T> Optional<T> queryOne(Class<T> type, String sql, Object... args) {
        Objects.requireNonNull(type, "type");
        return runner.read(h -> bind(h.createQuery(sql), args).mapTo(type).findFirst());
    }

    @Override
    public <T> Optional<T> scalar(Class<T> type, String sql, Object... args) {
        Objects.requireNonNull(type, "type");
        // A value type maps from the first column; findFirst turns SQL NULL into empty.
        return runner.read(h -> bind(h.createQuery(sql), args).mapTo(type).findFirst());
    }

    @Override
    public int update(String sql, Object... args) {
        return runner.write(h -> bind(h.createUpdate(sql), args).execute());
    }

    @Override
    public long insert(String sql, Object... args) {
        return runner.write(h -> bind(h.createUpdate(sql), args).executeAndReturnGeneratedKeys()
                .mapTo(Long.class).findFirst()
                .orElseThrow(() -> new IllegalStateException("the insert generated no key: " + sql)));
    }

    @Override
    public int[] batch(String sql, List<? extends List<?>> rows) {
        Objects.requireNonNull(sql, "sql");
        if (rows.isEmpty()) {
            return new int[0];
        }
        return runner.writeAll(h -> {
            PreparedBatch batch = h.prepareBatch(sql);
            for (List<?> row : rows) {
                batch.add(row.toArray());
            }
            return batch.execute();
        });
    }

    private static <S extends SqlStatement<S>> S bind(S statement, Object[] args) {
        for (int i = 0; i < args.length; i++) {
            statement.bind(i, args[i]);
        }
        return statement;
    }
}
