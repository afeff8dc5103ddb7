package org.aapf.adapter.out.persistence;

/** Runs the {@link AbstractServerSettingsRepositoryTest} contract on an in-memory H2 database. */
class JdbiServerSettingsRepositoryH2Test extends AbstractServerSettingsRepositoryTest {

    @Override
    protected TestDatabase openDatabase() {
        return TestDatabases.h2();
    }
}
