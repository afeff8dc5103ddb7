package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractUserQuotaPersistenceTest} contract on an in-memory H2 database. */
class JdbiUserQuotaH2Test extends AbstractUserQuotaPersistenceTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
