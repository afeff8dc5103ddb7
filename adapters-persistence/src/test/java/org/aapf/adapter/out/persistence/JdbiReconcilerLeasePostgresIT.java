package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractReconcilerLeaseTest} contract on the real PostgreSQL, in a schema of its own. */
class JdbiReconcilerLeasePostgresIT extends AbstractReconcilerLeaseTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.postgres();
    }
}
