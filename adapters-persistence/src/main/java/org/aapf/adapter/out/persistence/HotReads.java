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

    private final DataSource dataSource;

    HotReads(Jdbi jdbi) {
        this.dataSource = HotReadSource.of(jdbi);
    }

    <T> Optional<T> one(String sql, RowMapper<T> reader, String... arguments) {
        List<T> rows = list(sql, reader, arguments);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }

    <T> List<T> list(String sql, RowMapper<T> reader, String... arguments) {
        return query(sql, reader, (connection, statement) -> {
            for (int i = 0; i < arguments.length; i++) {
                statement.setString(i + 1, arguments[i]);
            }
        });
    }

    /** The rows {@code sql} reads with its one parameter, {@code = ANY(?)}, bound to {@code keys} as an array. */
    <T> List<T> listAny(String sql, RowMapper<T> reader, List<String> keys) {
        return query(sql, reader, (connection, statement) ->
                statement.setArray(1, connection.createArrayOf("VARCHAR", keys.toArray())));
    }

    private <T> List<T> query(String sql, RowMapper<T> reader, Parameters parameters) {
        Connection connection = connection();
        try (connection; PreparedStatement statement = connection.prepareStatement(sql)) {
            parameters.bind(connection, statement);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> rows = new ArrayList<>(1);
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
