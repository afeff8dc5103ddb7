package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractClusterEventRepositoryTest} contract on an in-memory H2 database. */
class JdbiClusterEventRepositoryH2Test extends AbstractClusterEventRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
