package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractSessionRepositoryTest} contract on an in-memory H2 database. */
class JdbiSessionRepositoryH2Test extends AbstractSessionRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
