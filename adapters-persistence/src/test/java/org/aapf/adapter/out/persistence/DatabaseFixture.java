package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test a fresh migrated database from {@link #openDatabase()} and deletes it afterwards. */
abstract class DatabaseFixture {

    private TestDatabase database;

    /** A new, empty, migrated database (H2 or PostgreSQL, chosen by the concrete test class). */
    protected abstract TestDatabase openDatabase();

    /** False for a runner of a contract on an in-memory fake: then no database is opened. */
    protected boolean usesDatabase() {
        return true;
    }

    @BeforeEach
    final void openFreshDatabase() {
        database = usesDatabase() ? openDatabase() : null;
    }

    @AfterEach
    final void deleteDatabase() {
        if (database != null) {
            database.close();
        }
    }

    protected final Jdbi jdbi() {
        return database.jdbi();
    }

    protected final TestDatabase testDatabase() {
        return database;
    }

    /** For the runners of a contract: asserts that it runs on H2, as the runner's name says. */
    protected final void assertRunsOnH2() {
        assertEquals("H2", databaseProduct());
    }

    /** For the runners of a contract: asserts that it runs on PostgreSQL, in the schema made for this test alone. */
    protected final void assertRunsOnPostgresInItsOwnSchema() {
        assertEquals("PostgreSQL", databaseProduct());
        assertEquals(TestDatabases.postgresSchema(database), jdbi().withHandle(handle ->
                handle.createQuery("SELECT current_schema()").mapTo(String.class).one()));
    }

    private String databaseProduct() {
        try {
            return jdbi().withHandle(handle -> handle.getConnection().getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the database's product name", e);
        }
    }
}
