package org.aapf.adapter.out.persistence;

import org.jdbi.v3.core.Jdbi;

/** A freshly migrated database made for one test (or test class); {@link #close()} deletes it again. */
public final class TestDatabase implements AutoCloseable {

    /** Deletes what a test database consists of once its pool is closed. */
    @FunctionalInterface
    interface Cleanup {
        void run();
    }

    private final DatabaseSettings settings;
    private final Database database;
    private final Cleanup cleanup;

    TestDatabase(DatabaseSettings settings, Database database, Cleanup cleanup) {
        this.settings = settings;
        this.database = database;
        this.cleanup = cleanup;
    }

    /** Settings reaching this database, e.g. for a server started by a test. */
    public DatabaseSettings settings() {
        return settings;
    }

    public Database database() {
        return database;
    }

    public Jdbi jdbi() {
        return database.jdbi();
    }

    @Override
    public void close() {
        database.close();
        cleanup.run();
    }
}
