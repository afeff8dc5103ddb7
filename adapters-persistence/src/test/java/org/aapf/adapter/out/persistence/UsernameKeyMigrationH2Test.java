package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Runs {@link AbstractUsernameKeyMigrationTest} on an in-memory H2 database. */
class UsernameKeyMigrationH2Test extends AbstractUsernameKeyMigrationTest {

    private final String url = "jdbc:h2:mem:aapf_migration_" + UUID.randomUUID().toString().replace("-", "")
            + ";DB_CLOSE_DELAY=-1";

    @Override
    protected DatabaseSettings emptyDatabase() {
        return new DatabaseSettings(url, "sa", "", 2);
    }

    @Override
    protected void dropDatabase() {
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void runsOnH2() throws SQLException {
        DatabaseSettings settings = emptyDatabase();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password())) {
            assertEquals("H2", connection.getMetaData().getDatabaseProductName());
        }
    }
}
