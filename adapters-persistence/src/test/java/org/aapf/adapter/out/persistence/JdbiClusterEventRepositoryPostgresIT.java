package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractClusterEventRepositoryTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiClusterEventRepositoryPostgresIT extends AbstractClusterEventRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() {
        assertRunsOnPostgresInItsOwnSchema();
    }
}
