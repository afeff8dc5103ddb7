package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractUserQuotaPersistenceTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiUserQuotaPostgresIT extends AbstractUserQuotaPersistenceTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() {
        assertRunsOnPostgresInItsOwnSchema();
    }
}
