package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabasePostgresIT {

    @Test
    void migratesIntoItsOwnSchemaAndKeepsFlywayHistoryThere() {
        try (TestDatabase test = TestDatabases.postgres()) {
            String schema = TestDatabases.postgresSchema(test);

            List<String> tables = test.jdbi().withHandle(handle -> handle.createQuery("""
                    SELECT table_name FROM information_schema.tables
                     WHERE table_schema = :schema ORDER BY table_name
                    """).bind("schema", schema).mapTo(String.class).list());

            assertEquals(List.of("api_tokens", "cluster_alerts", "cluster_events", "cluster_services", "clusters",
                    "flyway_schema_history", "instance_alerts", "instances", "login_failures", "reconciler_lease",
                    "server_settings", "sessions", "sign_on_attempts", "sign_on_handoffs", "users"), tables);
        }
    }

    @Test
    void droppingTheTestDatabaseRemovesItsSchema() {
        TestDatabase test = TestDatabases.postgres();
        String schema = TestDatabases.postgresSchema(test);

        test.close();

        try (TestDatabase other = TestDatabases.postgres()) {
            int left = other.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = :schema")
                    .bind("schema", schema).mapTo(Integer.class).one());
            assertEquals(0, left);
        }
    }

    @Test
    void describeAndPingWork() {
        try (TestDatabase test = TestDatabases.postgres()) {
            assertEquals("PostgreSQL 127.0.0.1:5432/test", test.database().describe());
            assertTrue(test.database().ping());
        }
    }
}
