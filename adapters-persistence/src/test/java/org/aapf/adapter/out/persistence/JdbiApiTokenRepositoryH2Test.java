package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractApiTokenRepositoryTest} contract on an in-memory H2 database. */
class JdbiApiTokenRepositoryH2Test extends AbstractApiTokenRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
