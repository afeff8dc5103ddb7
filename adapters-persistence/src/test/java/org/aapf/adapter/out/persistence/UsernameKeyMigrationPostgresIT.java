package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Runs {@link AbstractUsernameKeyMigrationTest} on the real PostgreSQL, in a schema of its own. */
class UsernameKeyMigrationPostgresIT extends AbstractUsernameKeyMigrationTest {

    private final String schema = "aapf_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @Override
    protected DatabaseSettings emptyDatabase() {
        execute("CREATE SCHEMA " + schema);
        String separator = TestDatabases.POSTGRES_URL.contains("?") ? "&" : "?";
        return new DatabaseSettings(TestDatabases.POSTGRES_URL + separator + "currentSchema=" + schema,
                TestDatabases.POSTGRES_USER, "", 2);
    }

    @Override
    protected void dropDatabase() {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(TestDatabases.POSTGRES_URL,
                TestDatabases.POSTGRES_USER, "")) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() throws SQLException {
        DatabaseSettings settings = emptyDatabase();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password())) {
            assertEquals("PostgreSQL", connection.getMetaData().getDatabaseProductName());
            assertEquals(schema, connection.getSchema());
        }
    }
}
