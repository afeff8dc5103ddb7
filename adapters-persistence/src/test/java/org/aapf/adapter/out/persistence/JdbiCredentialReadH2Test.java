package org.aapf.adapter.out.persistence;

import org.junit.jupiter.api.Test;

/** Runs the {@link AbstractCredentialReadTest} contract on an in-memory H2 database. */
class JdbiCredentialReadH2Test extends AbstractCredentialReadTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }

    @Test
    void runsOnH2() {
        assertRunsOnH2();
    }
}
