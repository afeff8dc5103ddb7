package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.Metrics;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;

/**
 * Two replicas over one database and backend, where the leader pauses (GC, stopped VM) in the middle of a pass, past
 * its lease: it must not write anything after the pause, and whatever it had in flight must not last.
 */
class ReconcilerPauseTest {

    private final ClusterWorld world = new ClusterWorld();
    private final Duration ttl = world.settings.leaseTtl();

    /**
     * Three notebook clusters: a pass applies them one cluster after another (a cluster's own instances are applied
     * concurrently), so that a pause can fall between two applies of one pass.
     */
    private static final List<String> CLUSTERS = List.of("c1", "c2", "c3");

    @Test
    void leaderPausedPastItsLease_whileAnotherTookOver_writesNothingMore_andNothingIsDuplicated() {
        CLUSTERS.forEach(name -> world.createNotebook(ALICE, name));
        Reconciler b = reconciler("b", world.backend);
        AtomicReference<PassReport> takeover = new AtomicReference<>();
        PausingBackend aBackend = new PausingBackend(world.backend).pauseBeforeApply(1, () -> {
            world.advance(ttl.plusSeconds(1));
            takeover.set(b.reconcileOnce());
        });
        Reconciler a = reconciler("a", aBackend);
        int updatesBefore = world.clusters.updates();

        PassReport stale = a.reconcileOnce();

        assertTrue(takeover.get().leader(), "b took the expired lease");
        assertEquals(3, takeover.get().applied());
        assertFalse(stale.leader(), "a's pass reports it lost the lease");
        assertEquals(1, aBackend.changes(), "only the apply already under way when a paused got through");
        assertEquals(updatesBefore + takeover.get().saved(), world.clusters.updates(), "a saved nothing");
        b.reconcileOnce();
        for (String name : CLUSTERS) {
            ClusterId id = world.stored(ALICE, name).id();
            assertEquals(ClusterStatus.CREATED, world.view(ALICE, name).status());
            assertEquals(1, world.backend.instancesOf(id).size());
            assertEquals(1, world.events.count(id, ClusterEvent.Type.CREATED));
        }
        assertEquals(3, world.backend.creations(), "no instance was created twice");
        assertFalse(a.reconcileOnce().leader(), "a stands by while b renews");
    }

    @Test
    void leaderPausedPastItsLeaseBeforeSaving_withNobodyElse_savesNothingStale_andTheNextPassStartsOver() {
        world.createWithSpark(ALICE, "sample", 1);
        PausingBackend aBackend = new PausingBackend(world.backend);
        Reconciler a = reconciler("a", aBackend);
        assertEquals(2, a.reconcileOnce().applied(), "the notebook and the master");
        assertEquals(1, a.reconcileOnce().applied(), "the worker, once the master is ready");
        aBackend.pauseAfterObserve(() -> world.advance(ttl.plusSeconds(1)));
        int updatesBefore = world.clusters.updates();

        PassReport stale = a.reconcileOnce();

        assertFalse(stale.leader());
        assertTrue(stale.busy(), "the next pass comes soon");
        assertEquals(updatesBefore, world.clusters.updates(), "what it observed before the pause was not saved");
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status());
        PassReport next = a.reconcileOnce();
        assertTrue(next.leader(), "a takes the lease again, under a new epoch");
        assertEquals(1, next.saved(), "from a fresh observation");
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(3, world.backend.creations());
    }

    @Test
    void aLongPassRenewsTheLeaseAsItGoes_andKeepsTheOtherReplicaOut() {
        CLUSTERS.forEach(name -> world.createNotebook(ALICE, name));
        Reconciler b = reconciler("b", world.backend);
        List<Boolean> bLeader = new ArrayList<>();
        PausingBackend aBackend = new PausingBackend(world.backend);
        for (int n = 1; n <= 3; n++) {
            aBackend.pauseAfterApply(n, () -> {
                world.advance(ttl.dividedBy(2));
                bLeader.add(b.reconcileOnce().leader());
            });
        }
        Reconciler a = reconciler("a", aBackend);

        PassReport pass = a.reconcileOnce();

        assertTrue(pass.leader(), "1.5 ttl long, yet renewed at every step");
        assertEquals(3, pass.applied());
        assertEquals(List.of(false, false, false), bLeader);
        assertEquals(Optional.of("process-a"), world.lease.holder());
        assertTrue(a.reconcileOnce().leader());
        CLUSTERS.forEach(name -> assertEquals(ClusterStatus.CREATED, world.view(ALICE, name).status()));
    }

    @Test
    void anApplyInFlightWhenTheLeaderPaused_landsAfterTheClusterWasDeleted_andTheNewLeaderRemovesIt() {
        world.createNotebook(ALICE, "sample");
        ClusterId id = world.stored(ALICE, "sample").id();
        Reconciler b = reconciler("b", world.backend);
        PausingBackend aBackend = new PausingBackend(world.backend).pauseBeforeApply(1, () -> {
            world.deleteCluster(ALICE, "sample");
            world.advance(ttl.plusSeconds(1));
            assertTrue(b.reconcileOnce().leader());
            assertTrue(world.list.list(ALICE).isEmpty(), "b finished the deletion");
        });
        Reconciler a = reconciler("a", aBackend);

        a.reconcileOnce();
        assertEquals(1, aBackend.changes());
        assertEquals(1, world.backend.instancesOf(id).size(), "the late apply left an instance nobody wants");

        b.reconcileOnce();

        assertEquals(List.of(), world.backend.instancesOf(id), "b removed it as an orphan");
        assertTrue(world.list.list(ALICE).isEmpty());
    }

    /** A replica whose monotonic clock is the world's clock, so that a test can pause it. */
    private Reconciler reconciler(String name, ClusterBackend backend) {
        return new Reconciler(world.clusters, world.events, backend, world.catalogue::get, world.lease, world.clock,
                world.settings.withHolderId("process-" + name), SparkMasterMonitor.none(), Metrics.none(),
                () -> ChronoUnit.NANOS.between(Instant.EPOCH, world.clock.instant()), WarmInstanceRepository.none(),
                WarmPoolMetrics.none());
    }
}
