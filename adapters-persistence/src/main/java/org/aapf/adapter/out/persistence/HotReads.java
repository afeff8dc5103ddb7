package org.aapf.adapter.out.persistence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs the queries of every API request (the caller's session or API token, the clusters rows) with Jdbi's fluent
 * API. A SqlObject call attaches its whole interface each time, building a handler for every method (and looking
 * their SQL up under a map's lock): several times the cost of the query on the embedded database, and where
 * concurrent requests queued up.
 */
final class HotReads {

    private final Jdbi jdbi;

    HotReads(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    <T> Optional<T> one(String sql, String name, String value, Class<T> row) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind(name, value).mapTo(row).findOne());
    }

    <T> Optional<T> one(String sql, Map<String, ?> arguments, Class<T> row) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bindMap(arguments).mapTo(row).findOne());
    }

    <T> List<T> list(String sql, String name, String value, Class<T> row) {
        return jdbi.withHandle(handle -> handle.createQuery(sql).bind(name, value).mapTo(row).list());
    }
}
