package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Clusters.assertSameCluster;
import static org.aapf.adapter.out.persistence.Clusters.at;
import static org.aapf.adapter.out.persistence.Clusters.notebook;
import static org.aapf.adapter.out.persistence.Clusters.saved;
import static org.aapf.adapter.out.persistence.Clusters.state;
import static org.aapf.adapter.out.persistence.Clusters.varyState;
import static org.aapf.adapter.out.persistence.Clusters.withSpark;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.RuntimeIds;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link ClusterRepository}, run against every database by the concrete subclasses. */
abstract class AbstractClusterRepositoryTest extends DatabaseFixture {

    private ClusterRepository clusters;
    private UserRepository users;
    private UserId alice;
    private UserId bob;

    @BeforeEach
    void createRepositoryAndOwners() {
        clusters = newClusterRepository();
        users = newUserRepository();
        alice = owner("alice");
        bob = owner("bob");
    }

    @Test
    void addedClusterIsFoundByIdNameAndProxyId() {
        AACluster cluster = withSpark(alice, "sample", 2);
        clusters.add(cluster);
        ProxyId proxyId = cluster.instances().getFirst().notebook().orElseThrow().proxyId();

        assertSameCluster(cluster, clusters.findById(cluster.id()).orElseThrow());
        assertSameCluster(cluster, clusters.findByName(alice, new ClusterName("sample")).orElseThrow());
        assertSameCluster(cluster, clusters.findByProxyId(proxyId).orElseThrow());
        assertEquals(0, clusters.findById(cluster.id()).orElseThrow().version());
    }

    @Test
    void fullClusterRoundTrip_everyServiceInstanceAlertHealthAndNotebookAccessComesBackEqual() {
        AACluster cluster = withSpark(alice, "full", 2);
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        varyState(loaded);

        assertTrue(clusters.update(loaded));

        AACluster stored = clusters.findById(cluster.id()).orElseThrow();
        assertSameCluster(saved(loaded, 1), stored);
        assertEquals(ClusterStatus.ERROR, stored.status());
        assertEquals(3, stored.specs().size());
        assertEquals(Health.HEALTHY, stored.instance(ServiceKind.JUPYTER_NOTEBOOK, 1).orElseThrow().health()
                .orElseThrow());
        assertEquals(2, stored.instance(ServiceKind.SPARK_WORKER, 1).orElseThrow().alerts().size());
        assertEquals(1, stored.alerts().size());
    }

    @Test
    void stoppedClusterRoundTrip_keepsItsStatusInstancesAndProxyIds_andStartsAgain() {
        AACluster cluster = withSpark(alice, "parked", 1);
        clusters.add(cluster);
        ProxyId proxyId = cluster.instances().getFirst().notebook().orElseThrow().proxyId();
        AACluster stopping = clusters.findById(cluster.id()).orElseThrow();
        stopping.requestStop(at(1));
        assertTrue(clusters.update(stopping));
        AACluster stopped = clusters.findById(cluster.id()).orElseThrow();
        assertEquals(ClusterStatus.STOPPING, stopped.status());
        stopped.completeStop(at(2));
        assertTrue(clusters.update(stopped));

        AACluster stored = clusters.findByProxyId(proxyId).orElseThrow();

        assertEquals(ClusterStatus.STOPPED, stored.status());
        assertTrue(stored.instances().stream().allMatch(i -> i.status() == InstanceStatus.STOPPED));
        assertTrue(stored.requestStart(at(3)));
        assertTrue(clusters.update(stored));
        assertEquals(ClusterStatus.CREATING, clusters.findById(cluster.id()).orElseThrow().status());
    }

    @Test
    void warmStartIsStoredWithItsRuntimeIdsAndNewAccess_theOldProxyIdFindsNothing_andTheRetiredIdIsForgotten() {
        AACluster cluster = notebook(alice, "warm");
        clusters.add(cluster);
        ProxyId oldProxyId = cluster.instances().getFirst().notebook().orElseThrow().proxyId();
        AACluster stopping = clusters.findById(cluster.id()).orElseThrow();
        stopping.requestStop(at(1));
        stopping.completeStop(at(2));
        assertTrue(clusters.update(stopping));
        AACluster stopped = clusters.findById(cluster.id()).orElseThrow();
        ClusterId warm = ClusterId.random();
        NotebookAccess access = NotebookAccess.random();

        stopped.startOnWarm(warm, access, at(3));
        assertTrue(clusters.update(stopped));

        AACluster stored = clusters.findByProxyId(access.proxyId()).orElseThrow();
        assertSameCluster(saved(stopped, 1), stored);
        assertEquals(new RuntimeIds(warm, Optional.of(cluster.id())), stored.runtime());
        assertEquals(ClusterStatus.CREATED, stored.status());
        assertTrue(clusters.findByProxyId(oldProxyId).isEmpty());

        stored.forgetRetiredRuntime();
        assertTrue(clusters.update(stored));
        assertEquals(RuntimeIds.of(warm), clusters.findById(cluster.id()).orElseThrow().runtime());
        assertEquals(RuntimeIds.of(warm), clusters.listAll().getFirst().runtime());
    }

    @Test
    void instantsAreStoredWithMicrosecondPrecision() {
        Instant withNanos = Instant.parse("2026-03-01T10:15:30.123456789Z");
        AACluster cluster = AACluster.create(ClusterId.random(), alice, new ClusterName("nanos"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("aa_jupyter_notebook", "small", 1)), withNanos);
        clusters.add(cluster);

        AACluster stored = clusters.findById(cluster.id()).orElseThrow();

        Instant micros = Instant.parse("2026-03-01T10:15:30.123456Z");
        assertEquals(micros, stored.createdAt());
        assertEquals(micros, stored.instances().getFirst().createdAt());
        assertEquals(micros, stored.instances().getFirst().updatedAt());
    }

    @Test
    void listVersionMovesWithEveryWriteOfTheOwnersClusters_andWithNothingElse() {
        long start = clusters.listVersion(alice);
        AACluster cluster = withSpark(alice, "sample", 2);

        clusters.add(cluster);
        long added = changed(alice, start, "add");
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        clusters.listByOwner(alice);
        assertEquals(added, clusters.listVersion(alice), "reads leave it");
        loaded.observe(ServiceKind.SPARK_WORKER, 2, state(InstanceStatus.READY, Health.HEALTHY), at(3));
        assertTrue(clusters.update(loaded));
        long updated = changed(alice, added, "update");
        assertFalse(clusters.update(loaded), "stale copy");
        assertEquals(updated, clusters.listVersion(alice), "a lost compare-and-set leaves it");
        AACluster again = clusters.findById(cluster.id()).orElseThrow();
        assertTrue(again.requestDeletion(at(4)));
        clusters.add(notebook(bob, "bobs"));
        long bobs = clusters.listVersion(bob);
        assertEquals(List.of(again), clusters.updateAll(List.of(again)));
        long passed = changed(alice, updated, "updateAll");
        assertEquals(bobs, clusters.listVersion(bob), "another owner's clusters leave it");
        AACluster deleting = clusters.findById(cluster.id()).orElseThrow();
        assertTrue(clusters.delete(deleting));
        changed(alice, passed, "delete");
    }

    @Test
    void listVersionMovesForEveryOwnerOfABatchedSave() {
        clusters.add(notebook(alice, "a"));
        clusters.add(notebook(bob, "b"));
        List<AACluster> all = clusters.listAll();
        long alices = clusters.listVersion(alice);
        long bobs = clusters.listVersion(bob);
        all.forEach(cluster -> cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1,
                state(InstanceStatus.READY, Health.HEALTHY), at(3)));

        assertEquals(2, clusters.updateAll(all).size());

        changed(alice, alices, "updateAll");
        changed(bob, bobs, "updateAll");
    }

    /** The owner's list version now, asserted to have moved on from {@code before}. */
    private long changed(UserId owner, long before, String write) {
        long now = clusters.listVersion(owner);
        assertTrue(now > before, write + " advances the owner's list version: " + before + " -> " + now);
        return now;
    }

    @Test
    void unknownClusterIsNotFound() {
        assertTrue(clusters.findById(ClusterId.random()).isEmpty());
        assertTrue(clusters.findByName(alice, new ClusterName("nothing")).isEmpty());
        assertTrue(clusters.findByProxyId(ProxyId.random()).isEmpty());
        assertTrue(clusters.listByOwner(alice).isEmpty());
        assertTrue(clusters.listAll().isEmpty());
        assertEquals(0, clusters.listVersion(UserId.random()));
    }

    @Test
    void givenTakenName_addFailsWithInvalidInput_butAnotherOwnerMayUseIt() {
        clusters.add(notebook(alice, "sample"));

        AapfException error = assertThrows(AapfException.class, () -> clusters.add(notebook(alice, "sample")));
        clusters.add(notebook(bob, "sample"));

        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertEquals("AACluster named 'sample' already exists.", error.getMessage());
        assertEquals(2, clusters.listAll().size());
    }

    @Test
    void givenRacingAddsOfOneName_exactlyOneSucceedsAndTheOthersAreInvalidInput() throws Exception {
        List<Races.Outcome<Boolean>> outcomes = Races.run(8, racer -> {
            clusters.add(withSpark(alice, "racer", 2));
            return true;
        });

        long added = outcomes.stream().filter(outcome -> outcome.error() == null).count();
        long refused = outcomes.stream()
                .filter(outcome -> outcome.error() instanceof AapfException e
                        && e.reason() == ErrorReason.INVALID_INPUT)
                .count();
        assertEquals(1, added);
        assertEquals(7, refused);
        assertEquals(1, clusters.listAll().size());
        assertEquals(4, clusters.listAll().getFirst().instances().size(), "no instance of a loser was kept");
    }

    @Test
    void givenUnknownOwner_addFailsWithNotFound() {
        AapfException error = assertThrows(AapfException.class,
                () -> clusters.add(notebook(UserId.random(), "orphan")));

        assertEquals(ErrorReason.NOT_FOUND, error.reason());
        assertTrue(clusters.listAll().isEmpty());
    }

    @Test
    void updateStoresVersionPlusOne_andAStaleCopyLosesChangingNothing() {
        AACluster cluster = withSpark(alice, "sample", 1);
        clusters.add(cluster);
        AACluster first = clusters.findById(cluster.id()).orElseThrow();
        AACluster stale = clusters.findById(cluster.id()).orElseThrow();
        first.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, state(InstanceStatus.READY, Health.HEALTHY), at(5));
        stale.requestDeletion(at(6));

        assertTrue(clusters.update(first));
        assertFalse(clusters.update(stale));
        assertFalse(clusters.delete(stale));

        AACluster stored = clusters.findById(cluster.id()).orElseThrow();
        assertSameCluster(saved(first, 1), stored);
        assertEquals(1, stored.version());
    }

    @Test
    void resizedWorkers_areStoredWithTheirSpec_upAndDown_andAddedToAClusterWithoutWorkers() {
        AACluster cluster = withSpark(alice, "sample", 2);
        clusters.add(cluster);
        AACluster up = clusters.findById(cluster.id()).orElseThrow();
        up.observe(ServiceKind.SPARK_WORKER, 2, state(InstanceStatus.READY, Health.HEALTHY), at(5));
        up.resizeSparkWorkers(3, at(6));
        assertTrue(clusters.update(up));
        assertSameCluster(saved(up, 1), clusters.findById(cluster.id()).orElseThrow());

        AACluster down = clusters.findById(cluster.id()).orElseThrow();
        down.markApplyFailed(ServiceKind.SPARK_WORKER, 3, "refused", at(7));
        assertTrue(clusters.update(down));
        AACluster failed = clusters.findById(cluster.id()).orElseThrow();
        failed.resizeSparkWorkers(1, at(8));
        assertTrue(clusters.update(failed));
        AACluster stored = clusters.findById(cluster.id()).orElseThrow();
        assertSameCluster(saved(failed, 1), stored);
        assertEquals(1, stored.instancesOf(ServiceKind.SPARK_WORKER).size());

        AACluster masterOnly = AACluster.create(ClusterId.random(), alice, new ClusterName("master-only"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("aa_jupyter_notebook", "small", 1),
                        ServiceKind.SPARK_MASTER, new ServiceSpec("aa_spark", "small", 1)), at(0));
        clusters.add(masterOnly);
        AACluster grown = clusters.findById(masterOnly.id()).orElseThrow();
        grown.resizeSparkWorkers(2, at(9));
        assertTrue(clusters.update(grown));
        assertSameCluster(saved(grown, 1), clusters.findById(masterOnly.id()).orElseThrow());
    }

    @Test
    void givenRacingUpdatesOfOneVersion_exactlyOneWinsAndItsStateIsStored() throws Exception {
        AACluster cluster = withSpark(alice, "sample", 3);
        clusters.add(cluster);
        List<AACluster> copies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            AACluster copy = clusters.findById(cluster.id()).orElseThrow();
            copy.observe(ServiceKind.SPARK_WORKER, 1 + i % 3, state(InstanceStatus.READY, Health.HEALTHY), at(i));
            copies.add(copy);
        }

        List<Races.Outcome<Boolean>> outcomes = Races.run(8, racer -> clusters.update(copies.get(racer)));

        assertTrue(outcomes.stream().allMatch(outcome -> outcome.error() == null), () -> outcomes.toString());
        List<Integer> winners = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i).result()) {
                winners.add(i);
            }
        }
        assertEquals(1, winners.size(), "exactly one compare-and-set wins");
        assertSameCluster(saved(copies.get(winners.getFirst()), 1), clusters.findById(cluster.id()).orElseThrow());
    }

    @Test
    void alertsAreReplacedAndClearedByLaterUpdates() {
        AACluster cluster = withSpark(alice, "sample", 2);
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        varyState(loaded);
        clusters.update(loaded);

        AACluster second = clusters.findById(cluster.id()).orElseThrow();
        second.clearAlert("BackendUnreachable");
        second.markApplied(ServiceKind.SPARK_WORKER, 2, at(20));
        second.observe(ServiceKind.SPARK_WORKER, 1, state(InstanceStatus.READY, Health.HEALTHY), at(21));
        assertTrue(clusters.update(second));

        AACluster stored = clusters.findById(cluster.id()).orElseThrow();
        assertSameCluster(saved(second, 1), stored);
        assertTrue(stored.alerts().isEmpty());
        assertTrue(stored.instances().stream().allMatch(instance -> instance.alerts().isEmpty()));
        assertEquals(2, stored.version());
    }

    @Test
    void requestedDeletionIsStoredAndListAllStillReturnsTheCluster() {
        AACluster cluster = withSpark(alice, "sample", 1);
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        loaded.requestDeletion(at(30));

        assertTrue(clusters.update(loaded));

        AACluster stored = clusters.listAll().getFirst();
        assertEquals(ClusterStatus.DELETING, stored.status());
        assertTrue(stored.instances().stream().allMatch(i -> i.status() == InstanceStatus.DELETING));
        assertSameCluster(saved(loaded, 1), stored);
    }

    @Test
    void deleteRemovesTheClusterOnceAndFreesItsNameAndProxyId() {
        AACluster cluster = withSpark(alice, "sample", 1);
        clusters.add(cluster);
        ProxyId proxyId = cluster.instances().getFirst().notebook().orElseThrow().proxyId();

        assertTrue(clusters.delete(cluster));
        assertFalse(clusters.delete(cluster));
        assertFalse(clusters.update(cluster), "a gone cluster cannot be updated");

        assertTrue(clusters.findById(cluster.id()).isEmpty());
        assertTrue(clusters.findByProxyId(proxyId).isEmpty());
        clusters.add(notebook(alice, "sample"));
        assertEquals(1, clusters.listAll().size());
    }

    @Test
    void listByOwnerReturnsOnlyTheOwnersClustersInStringOrder() {
        for (String name : List.of("beta", "Zeta", "alpha", "élan", "Alpha")) {
            clusters.add(notebook(alice, name));
        }
        clusters.add(notebook(bob, "bobs"));

        List<String> names = clusters.listByOwner(alice).stream().map(c -> c.name().value()).toList();

        assertEquals(List.of("Alpha", "Zeta", "alpha", "beta", "élan"), names);
        assertEquals(List.of("bobs"), clusters.listByOwner(bob).stream().map(c -> c.name().value()).toList());
    }

    @Test
    void listAllLoadsEveryClusterInAConstantNumberOfQueries() {
        StatementCounter counter = StatementCounter.attach(jdbi());
        clusters.add(withSpark(alice, "first", 2));
        counter.reset();
        clusters.listAll();
        int withOne = counter.count();
        for (int i = 0; i < 30; i++) {
            AACluster cluster = withSpark(i % 2 == 0 ? alice : bob, "c" + i, 2);
            varyState(cluster);
            clusters.add(cluster);
        }

        counter.reset();
        List<AACluster> all = clusters.listAll();

        assertEquals(31, all.size());
        assertEquals(withOne, counter.count(), "same number of queries for 1 and 31 clusters");
        assertTrue(counter.count() <= 5, "at most one query per table, was " + counter.count());
    }

    @Test
    void updateOfOneInstanceWritesThatInstanceOnly() {
        AACluster cluster = withSpark(alice, "sample", 3);
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        loaded.observe(ServiceKind.SPARK_WORKER, 2, state(InstanceStatus.READY, Health.HEALTHY), at(3));
        StatementCounter counter = StatementCounter.attach(jdbi());

        assertTrue(clusters.update(loaded));

        List<String> writes = counter.statements().stream()
                .map(sql -> sql.strip().split("\\s+", 3)).filter(words -> !words[0].equals("SELECT"))
                .map(words -> words[0] + " " + words[1]).toList();
        assertEquals(List.of("UPDATE clusters", "UPDATE instances", "UPDATE users"), writes,
                "no alert rows were touched (the owner's list version was advanced)");
        assertSameCluster(saved(loaded, 1), clusters.findById(cluster.id()).orElseThrow());
    }

    @Test
    void savingClustersOfAPassReadsNoChildRows_theWonVersionProvesThemUnchanged() {
        for (int i = 0; i < 3; i++) {
            clusters.add(withSpark(i == 0 ? alice : bob, "c" + i, 2));
        }
        List<AACluster> loaded = clusters.listAll();
        loaded.forEach(cluster -> cluster.observe(ServiceKind.SPARK_WORKER, 2,
                state(InstanceStatus.READY, Health.HEALTHY), at(3)));
        StatementCounter counter = StatementCounter.attach(jdbi());

        assertEquals(3, clusters.updateAll(loaded).size());

        List<String> statements = counter.statements().stream()
                .map(sql -> sql.strip().split("\\s+", 3)).map(words -> words[0] + " " + words[1]).toList();
        assertEquals(List.of("UPDATE clusters", "UPDATE instances", "UPDATE users"), statements);
        for (AACluster cluster : loaded) {
            assertSameCluster(saved(cluster, 1), clusters.findById(cluster.id()).orElseThrow());
        }
    }

    @Test
    void givenOwnerWithClusters_removingTheUserIsRefusedUntilTheyAreDeleted() {
        AACluster cluster = notebook(alice, "sample");
        clusters.add(cluster);

        AapfException error = assertThrows(AapfException.class, () -> users.remove(alice));

        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertTrue(users.findById(alice).isPresent());
        assertTrue(clusters.delete(cluster));
        assertTrue(users.remove(alice));
    }

    @Test
    void longAlertMessagesAreClippedRatherThanFailingTheSave() {
        AACluster cluster = notebook(alice, "sample");
        clusters.add(cluster);
        AACluster loaded = clusters.findById(cluster.id()).orElseThrow();
        loaded.markApplyFailed(ServiceKind.JUPYTER_NOTEBOOK, 1, "😀".repeat(10_000), at(1));

        assertTrue(clusters.update(loaded));

        String stored = clusters.findById(cluster.id()).orElseThrow().instances().getFirst().alerts().getFirst()
                .message();
        assertEquals(StoredText.MAX_MESSAGE, stored.codePointCount(0, stored.length()));
        assertTrue(stored.endsWith("…"));
    }

    /** The repository under test: the Jdbi one on this test's database, unless the runner tests another. */
    protected ClusterRepository newClusterRepository() {
        return new JdbiClusterRepository(jdbi());
    }

    /** Where the clusters' owners are stored, beside {@link #newClusterRepository()}. */
    protected UserRepository newUserRepository() {
        return new JdbiUserRepository(jdbi());
    }

    private UserId owner(String username) {
        User user = Accounts.user(username);
        users.add(user);
        return user.id();
    }
}
