package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Clusters.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterEventRetention;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link ClusterEventRepository}, run against every database by the concrete subclasses. */
abstract class AbstractClusterEventRepositoryTest extends DatabaseFixture {

    private ClusterEventRepository events;

    @BeforeEach
    void createRepository() {
        events = newEventRepository();
    }

    @Test
    void eventsComeBackInAppendOrderWithEveryField() {
        ClusterId cluster = ClusterId.random();
        List<ClusterEvent> appended = new ArrayList<>();
        for (ClusterEvent.Type type : ClusterEvent.Type.values()) {
            appended.add(new ClusterEvent(cluster, at(60 - type.ordinal()), type, "It was " + type.apiName() + " 😀"));
        }
        events.append(appended.subList(0, 3));
        events.append(appended.subList(3, appended.size()));

        assertEquals(appended, events.listByCluster(cluster));
    }

    @Test
    void eachClusterHasItsOwnHistory() {
        ClusterId first = ClusterId.random();
        ClusterId second = ClusterId.random();
        ClusterEvent a = new ClusterEvent(first, at(1), ClusterEvent.Type.REQUESTED, "first requested");
        ClusterEvent b = new ClusterEvent(second, at(2), ClusterEvent.Type.REQUESTED, "second requested");
        events.append(List.of(a, b));

        assertEquals(List.of(a), events.listByCluster(first));
        assertEquals(List.of(b), events.listByCluster(second));
        assertTrue(events.listByCluster(ClusterId.random()).isEmpty());
    }

    @Test
    void appendingNothingIsANoOp() {
        events.append(List.of());

        assertTrue(events.listByCluster(ClusterId.random()).isEmpty());
    }

    @Test
    void instantsAreStoredWithMicrosecondPrecision() {
        ClusterId cluster = ClusterId.random();
        events.append(List.of(new ClusterEvent(cluster, Instant.parse("2026-03-01T10:15:30.123456789Z"),
                ClusterEvent.Type.READY, "ready")));

        assertEquals(Instant.parse("2026-03-01T10:15:30.123456Z"), events.listByCluster(cluster).getFirst().at());
    }

    @Test
    void historyOutlivesItsCluster() {
        UserId ownerId = owner();
        ClusterRepository clusters = newClusterRepository();
        AACluster cluster = Clusters.notebook(ownerId, "sample");
        clusters.add(cluster);
        events.append(cluster.pullEvents());

        clusters.delete(cluster);

        assertEquals(ClusterEvent.Type.REQUESTED, events.listByCluster(cluster.id()).getFirst().type());
    }

    @Test
    void givenConcurrentAppends_everyEventIsKeptAndEachBatchStaysInOrder() throws Exception {
        ClusterId cluster = ClusterId.random();

        Races.run(8, racer -> {
            for (int i = 0; i < 5; i++) {
                events.append(List.of(new ClusterEvent(cluster, at(i), ClusterEvent.Type.STARTED, racer + ":" + i)));
            }
            return true;
        });

        List<ClusterEvent> stored = events.listByCluster(cluster);
        assertEquals(40, stored.size());
        for (int racer = 0; racer < 8; racer++) {
            String prefix = racer + ":";
            List<String> own = stored.stream().map(ClusterEvent::message).filter(m -> m.startsWith(prefix)).toList();
            assertEquals(List.of(prefix + 0, prefix + 1, prefix + 2, prefix + 3, prefix + 4), own);
        }
    }

    @Test
    void longMessagesAreClipped() {
        ClusterId cluster = ClusterId.random();
        events.append(List.of(new ClusterEvent(cluster, at(0), ClusterEvent.Type.FAILED, "x".repeat(9_000))));

        String stored = events.listByCluster(cluster).getFirst().message();

        assertEquals(StoredText.MAX_MESSAGE, stored.length());
    }

    /** The repository under test: the Jdbi one on this test's database, unless the runner tests another. */
    protected ClusterEventRepository newEventRepository() {
        return new JdbiClusterEventRepository(jdbi());
    }

    /** The clusters whose history is kept, beside {@link #newEventRepository()}. */
    protected ClusterRepository newClusterRepository() {
        return new JdbiClusterRepository(jdbi());
    }

    /** The clusters' owners. */
    protected UserRepository newUserRepository() {
        return new JdbiUserRepository(jdbi());
    }

    @Test
    void purgeForgetsDeletedClustersPastRetention_andKeepsLiveAndRecentlyDeletedOnes() {
        UserId ownerId = owner();
        ClusterRepository clusters = newClusterRepository();
        AACluster live = Clusters.notebook(ownerId, "live");
        clusters.add(live);
        ClusterId deletedLongAgo = ClusterId.random();
        ClusterId deletedRecently = ClusterId.random();
        events.append(List.of(new ClusterEvent(live.id(), at(0), ClusterEvent.Type.REQUESTED, "old, live"),
                new ClusterEvent(deletedLongAgo, at(0), ClusterEvent.Type.REQUESTED, "old"),
                new ClusterEvent(deletedLongAgo, at(10), ClusterEvent.Type.DELETED, "deleted long ago"),
                new ClusterEvent(deletedRecently, at(0), ClusterEvent.Type.REQUESTED, "old too"),
                new ClusterEvent(deletedRecently, at(100), ClusterEvent.Type.DELETED, "deleted recently")));
        ClusterEventRetention retention = (ClusterEventRetention) events;

        assertEquals(2, retention.purgeDeletedBefore(at(50)));

        assertEquals(List.of(), events.listByCluster(deletedLongAgo));
        assertEquals(2, events.listByCluster(deletedRecently).size(), "its last event is within retention");
        assertEquals(1, events.listByCluster(live.id()).size(), "a live cluster keeps its whole history");
        assertEquals(0, retention.purgeDeletedBefore(at(50)), "purging again finds nothing");
    }

    @Test
    void trimKeepsEachClustersLatestEvents_andLeavesShorterHistoriesAlone() {
        ClusterId busy = ClusterId.random();
        ClusterId quiet = ClusterId.random();
        List<ClusterEvent> appended = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            appended.add(new ClusterEvent(busy, at(i), ClusterEvent.Type.STOPPED, "stop " + i));
        }
        appended.add(new ClusterEvent(quiet, at(0), ClusterEvent.Type.REQUESTED, "quiet"));
        events.append(appended);
        ClusterEventRetention retention = (ClusterEventRetention) events;

        assertEquals(4, retention.trimTo(3));

        assertEquals(List.of("stop 4", "stop 5", "stop 6"),
                events.listByCluster(busy).stream().map(ClusterEvent::message).toList());
        assertEquals(1, events.listByCluster(quiet).size());
        assertEquals(0, retention.trimTo(3), "trimming again finds nothing");
    }

    @Test
    void createDeleteLoopsStopGrowingTheTableOncePurged() {
        UserId ownerId = owner();
        ClusterRepository clusters = newClusterRepository();
        for (int i = 0; i < 20; i++) {
            AACluster cluster = Clusters.notebook(ownerId, "loop-" + i);
            clusters.add(cluster);
            events.append(cluster.pullEvents());
            events.append(List.of(new ClusterEvent(cluster.id(), at(i), ClusterEvent.Type.DELETED, "gone")));
            clusters.delete(cluster);
        }

        ((ClusterEventRetention) events).purgeDeletedBefore(at(1_000));

        assertEquals(0L, (long) jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM cluster_events")
                .mapTo(Long.class).one()));
    }

    private UserId owner() {
        User user = Accounts.user("owner");
        newUserRepository().add(user);
        return user.id();
    }
}
