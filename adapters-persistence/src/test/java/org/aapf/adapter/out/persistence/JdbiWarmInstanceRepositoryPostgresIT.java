package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractWarmInstanceRepositoryTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiWarmInstanceRepositoryPostgresIT extends AbstractWarmInstanceRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() {
        assertRunsOnPostgresInItsOwnSchema();
    }
}
