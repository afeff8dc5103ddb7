package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractApiTokenRepositoryTest} contract on an in-memory H2 database. */
class JdbiApiTokenRepositoryH2Test extends AbstractApiTokenRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Test
    void runsOnH2() {
        assertRunsOnH2();
    }
}
