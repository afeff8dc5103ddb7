package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractSignOnRepositoryTest} contract on an in-memory H2 database. */
class JdbiSignOnRepositoryH2Test extends AbstractSignOnRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
