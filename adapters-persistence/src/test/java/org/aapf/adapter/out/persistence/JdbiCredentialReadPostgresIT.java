package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractCredentialReadTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiCredentialReadPostgresIT extends AbstractCredentialReadTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }

    @Test
    void runsOnPostgresInASchemaOfItsOwn() {
        assertRunsOnPostgresInItsOwnSchema();
    }
}
