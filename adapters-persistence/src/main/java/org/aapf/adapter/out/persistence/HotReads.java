package org.aapf.adapter.out.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs the queries of every API request (the caller's session or API token, the clusters rows, the owner's list
 * version) on a plain JDBC connection of the pool, with the row readers Jdbi uses for the same rows
 * ({@link RowReaders}). A Jdbi handle copies its whole configuration, with its caches and interceptor chains, for
 * each query: under load, a third of what a request allocated. Parameters are positional ({@code ?}), each a string;
 * a failure is reported as Jdbi reports it ({@link ConnectionException}, {@link UnableToExecuteStatementException}
 * with the SQL cause), so callers handle both paths alike.
 */
final class HotReads {

    /** The list of a query whose row count is not known in advance starts this large, as an ArrayList does. */
    private static final int SOME_ROWS = 10;

    private final DataSource dataSource;

    HotReads(Jdbi jdbi) {
        this.dataSource = HotReadSource.of(jdbi);
    }

    <T> Optional<T> one(String sql, RowMapper<T> reader, String... arguments) {
        List<T> rows = query(sql, reader, 1, strings(arguments));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    <T> List<T> list(String sql, RowMapper<T> reader, String... arguments) {
        return query(sql, reader, SOME_ROWS, strings(arguments));
    }

    /** The rows {@code sql} reads with its one parameter, {@code = ANY(?)}, bound to {@code keys} as an array. */
    <T> List<T> listAny(String sql, RowMapper<T> reader, List<String> keys) {
        return query(sql, reader, Math.max(keys.size(), 1), (connection, statement) ->
                statement.setArray(1, connection.createArrayOf("VARCHAR", keys.toArray())));
    }

    private static Parameters strings(String... arguments) {
        return (connection, statement) -> {
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 1, arguments[i]);
            }
        };
    }

    /** {@code expectedRows} sizes the result list: one for a single row, the keys' count for {@code = ANY(?)}. */
    private <T> List<T> query(String sql, RowMapper<T> reader, int expectedRows, Parameters parameters) {
        Connection connection = connection();
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(connection, statement);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>(expectedRows);
                while (rs.next()) {
                    rows.add(reader.map(rs, null));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(sql, e, null);
        }
    }

    /** Binds a statement's parameters. */
    @FunctionalInterface
    private interface Parameters {
        void bind(Connection connection, PreparedStatement statement) throws SQLException;
    }

    private Connection connection() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new ConnectionException(e);
        }
    }
}
