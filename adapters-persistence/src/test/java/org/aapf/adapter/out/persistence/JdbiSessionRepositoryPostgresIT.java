package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractSessionRepositoryTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiSessionRepositoryPostgresIT extends AbstractSessionRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
