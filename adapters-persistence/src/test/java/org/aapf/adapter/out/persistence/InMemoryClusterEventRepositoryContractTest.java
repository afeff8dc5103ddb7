package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.testing.InMemoryApiTokenRepository;
import org.aapf.application.testing.InMemoryClusterEventRepository;
import org.aapf.application.testing.InMemoryClusterRepository;
import org.aapf.application.testing.InMemorySessionRepository;
import org.aapf.application.testing.InMemoryUserRepository;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link AbstractClusterEventRepositoryTest} contract on the application tests' in-memory repository. Left
 * out: the clipping of long messages to the column's size (the adapter's {@code StoredText}).
 */
class InMemoryClusterEventRepositoryContractTest extends AbstractClusterEventRepositoryTest {

    private final InMemoryClusterEventRepository events = new InMemoryClusterEventRepository();

    @Override
    protected TestDatabase openDatabase() {
        throw new UnsupportedOperationException("an in-memory repository needs no database");
    }

    @Override
    protected boolean usesDatabase() {
        return false;
    }

    @Override
    protected ClusterEventRepository newEventRepository() {
        return events;
    }

    @Override
    protected ClusterRepository newClusterRepository() {
        return new InMemoryClusterRepository();
    }

    @Override
    protected UserRepository newUserRepository() {
        return new InMemoryUserRepository(new InMemorySessionRepository(), new InMemoryApiTokenRepository());
    }

    @Override
    void purgeForgetsDeletedClustersPastRetention_andKeepsLiveAndRecentlyDeletedOnes() {
        // retention is the database's part (ClusterEventRetention): the fake keeps what the application tests append
    }

    @Override
    void trimKeepsEachClustersLatestEvents_andLeavesShorterHistoriesAlone() {
        // retention is the database's part, as above
    }

    @Override
    void createDeleteLoopsStopGrowingTheTableOncePurged() {
        // counts the rows of the SQL table
    }

    @Override
    void longMessagesAreClipped() {
        // a storage limit of the SQL schema
    }

    @Test
    void runsOnTheInMemoryRepository() {
        assertTrue(newEventRepository() instanceof InMemoryClusterEventRepository);
    }
}
