package org.aapf.bootstrap.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aapf.adapter.out.persistence.TestDatabase;
import org.aapf.adapter.out.persistence.TestDatabases;

/**
 * Several AAPF servers on one fresh PostgreSQL schema, as replicas share a database in production; closing stops every
 * server and drops the schema.
 */
public final class ServersOnPostgres implements AutoCloseable {

    private final TestDatabase database;
    private final List<TestServer> servers = new ArrayList<>();

    private ServersOnPostgres(TestDatabase database) {
        this.database = database;
    }

    /** {@code count} servers with the fake backend each, configured by {@code environment} besides the database. */
    public static ServersOnPostgres start(int count, Map<String, String> environment) {
        return start(count, environment, TestServer::start);
    }

    /**
     * {@code count} servers, each started by {@code starter} from the environment naming the shared schema (plus
     * {@code environment}).
     */
    public static ServersOnPostgres start(int count, Map<String, String> environment,
            Function<Map<String, String>, TestServer> starter) {
        ServersOnPostgres started = new ServersOnPostgres(TestDatabases.postgres());
        try {
            Map<String, String> env = new HashMap<>(environment);
            env.put("AAPF_DB_URL", started.database.settings().jdbcUrl());
            env.put("AAPF_DB_USER", started.database.settings().user());
            for (int i = 0; i < count; i++) {
                started.servers.add(starter.apply(env));
            }
            return started;
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
    }

    /** The server started {@code index}th, from 0. */
    public TestServer server(int index) {
        return servers.get(index);
    }

    @Override
    public void close() {
        try {
            for (TestServer server : servers) {
                server.close();
            }
        } finally {
            database.close();
        }
    }
}
