package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractUserRepositoryTest} contract on an in-memory H2 database. */
class JdbiUserRepositoryH2Test extends AbstractUserRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
