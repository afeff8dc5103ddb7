package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
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

            assertEquals(List.of("api_tokens", "audit_log", "cluster_alerts", "cluster_events", "cluster_services",
                    "clusters", "flyway_schema_history", "instance_alerts", "instances", "login_failures", "owner_locks",
                    "reconciler_lease", "server_settings", "sessions", "sign_on_attempts", "sign_on_handoffs",
                    "user_limits", "users", "warm_instances"), tables);
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
    void aTransactionLeftIdle_asByAFrozenServer_isEndedAndFreesItsLocksForTheOthers() {
        try (TestDatabase test = TestDatabases.postgres()) {
            try (Handle frozen = test.jdbi().open(); Handle other = test.jdbi().open()) {
                assertEquals("5s", frozen.createQuery("SHOW idle_in_transaction_session_timeout")
                        .mapTo(String.class).one());
                frozen.begin();
                frozen.execute("UPDATE reconciler_lease SET holder = 'frozen'");

                long started = System.nanoTime();
                other.begin();
                other.execute("SET LOCAL lock_timeout = '30s'");
                int updated = other.execute("UPDATE reconciler_lease SET holder = 'other'");
                other.commit();

                assertEquals(1, updated, "the other server's write went through once the idle one was ended");
                assertTrue(System.nanoTime() - started < Duration.ofSeconds(25).toNanos());
                assertThrows(RuntimeException.class, frozen::commit, "the frozen transaction was rolled back");
            }
            assertEquals("other", test.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT holder FROM reconciler_lease").mapTo(String.class).one()));
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
