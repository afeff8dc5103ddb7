package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractReconcilerLeaseTest} contract on an in-memory H2 database. */
class JdbiReconcilerLeaseH2Test extends AbstractReconcilerLeaseTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
