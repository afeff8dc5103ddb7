package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

class DatabaseH2Test {

    @Test
    void openedDatabaseAnswersPingUntilClosed() {
        try (TestDatabase test = TestDatabases.h2()) {
            Database database = test.database();
            assertTrue(database.ping());

            database.close();

            assertFalse(database.ping());
        }
    }

    @Test
    void describeNamesTheDatabaseWithoutUrlParameters() {
        try (TestDatabase test = TestDatabases.h2()) {
            assertTrue(test.database().describe().startsWith("H2 in-memory aapf_test_"), test.database().describe());
            assertFalse(test.database().describe().contains(";"), test.database().describe());
        }
    }

    @Test
    void openingAMigratedDatabaseAgainAppliesNoMigrationTwice() {
        try (TestDatabase test = TestDatabases.h2(); Database again = Database.open(test.settings())) {
            int applied = again.jdbi().withHandle(handle -> handle
                    .createQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" = '1'")
                    .mapTo(Integer.class).one());

            assertEquals(1, applied);
        }
    }

    @Test
    void externalDataSourceIsMigratedAndLeftOpenOnClose() throws SQLException {
        JdbcDataSource external = new JdbcDataSource();
        external.setURL("jdbc:h2:mem:aapf_external;DB_CLOSE_DELAY=-1");
        external.setUser("sa");
        try (Database database = Database.using(external)) {
            assertEquals("H2 in-memory aapf_external", database.describe());
            assertTrue(new JdbiUserRepository(database.jdbi()).list().isEmpty());
        }
        try (Connection connection = external.getConnection(); Statement statement = connection.createStatement()) {
            assertTrue(statement.executeQuery("SELECT COUNT(*) FROM users").next());
            statement.execute("SHUTDOWN");
        }
    }

    @Test
    void unreachableDatabaseFailsAsUnavailableWithoutTheCredentials() {
        DatabaseSettings settings =
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=2", "aapf", "hunter2", 1);

        AapfException error = assertThrows(AapfException.class, () -> Database.open(settings));

        assertEquals(ErrorReason.UNAVAILABLE, error.reason());
        assertTrue(error.getMessage().contains("PostgreSQL 127.0.0.1:1/none"), error.getMessage());
        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    }
}
