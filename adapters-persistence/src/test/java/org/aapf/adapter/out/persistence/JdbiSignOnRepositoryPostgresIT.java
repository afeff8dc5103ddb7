package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractSignOnRepositoryTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiSignOnRepositoryPostgresIT extends AbstractSignOnRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() {
        assertRunsOnPostgresInItsOwnSchema();
    }
}
