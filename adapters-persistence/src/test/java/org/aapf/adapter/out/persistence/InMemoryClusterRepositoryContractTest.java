package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemoryClusterRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractClusterRepositoryTest} contract on the {@link InMemoryClusterRepository} the application
 * tests use, so that what they prove holds for the real repository too. Left out: the three tests that count the Jdbi
 * repository's SQL statements, and the clipping of long alert messages to the columns' size (the adapter's
 * {@code StoredText}; a second implementation of it in the fake would have to be kept equal by hand).
 */
class InMemoryClusterRepositoryContractTest extends AbstractClusterRepositoryTest {

    private final InMemoryClusterRepository clusters = new InMemoryClusterRepository();
    private final InMemoryUserRepository users =
            new InMemoryUserRepository(new InMemorySessionRepository(), new InMemoryApiTokenRepository());

    InMemoryClusterRepositoryContractTest() {
        clusters.requireOwnersIn(users);
        users.refuseRemovalOfOwnersIn(clusters);
    }

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory repository needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected ClusterRepository newClusterRepository() {
        return clusters;
    }

    @Override
    protected UserRepository newUserRepository() {
        return users;
    }

    @Override
    void listAllLoadsEveryClusterInAConstantNumberOfQueries() {
        // counts the Jdbi repository's SQL statements
    }

    @Override
    void updateOfOneInstanceWritesThatInstanceOnly() {
        // counts the Jdbi repository's SQL statements
    }

    @Override
    void savingClustersOfAPassReadsNoChildRows_theWonVersionProvesThemUnchanged() {
        // counts the Jdbi repository's SQL statements
    }

    @Override
    void longAlertMessagesAreClippedRatherThanFailingTheSave() {
        // a storage limit of the SQL schema
    }

    @Test
    void runsOnTheInMemoryRepository() {
        assertTrue(newClusterRepository() instanceof InMemoryClusterRepository);
    }
}
