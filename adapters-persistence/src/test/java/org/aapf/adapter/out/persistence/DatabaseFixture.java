package org.aapf.adapter.out.persistence;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test a fresh migrated database from {@link #openDatabase()} and deletes it afterwards. */
abstract class DatabaseFixture {

    private TestDatabase database;

    /** A new, empty, migrated database (H2 or PostgreSQL, chosen by the concrete test class). */
    protected abstract TestDatabase openDatabase();

    @BeforeEach
    final void openFreshDatabase() {
        database = openDatabase();
    }

    @AfterEach
    final void deleteDatabase() {
        database.close();
    }

    protected final Jdbi jdbi() {
        return database.jdbi();
    }

    protected final TestDatabase testDatabase() {
        return database;
    }
}
