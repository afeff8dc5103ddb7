package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractUserQuotaPersistenceTest} contract on an in-memory H2 database. */
class JdbiUserQuotaH2Test extends AbstractUserQuotaPersistenceTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Test
    void runsOnH2() {
        assertRunsOnH2();
    }
}
