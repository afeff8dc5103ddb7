package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aapf.application.testing.SimulatedCrash;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;

/** The server dies in the middle of a pass; a new process over the same database and backend finishes the job. */
class ReconcilerRestartTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void crashRightAfterApply_restartedServerCreatesNothingTwice() {
        world.createWithSpark(ALICE, "sample", 2);
        world.backend.crashProcessAfterNextApply();
        Reconciler first = world.newReconciler();
        assertThrows(SimulatedCrash.class, first::reconcileOnce);

        Reconciler restarted = world.newReconciler();
        world.leaseExpires();
        restarted.reconcileOnce();
        restarted.reconcileOnce();

        ClusterId id = world.stored(ALICE, "sample").id();
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(4, world.backend.instancesOf(id).size());
        assertEquals(4, world.backend.creations(), "no instance was created twice");
        assertEquals(1, world.events.count(id, ClusterEvent.Type.REQUESTED));
        assertEquals(1, world.events.count(id, ClusterEvent.Type.CREATED));
    }

    @Test
    void crashBeforeSavingObservedState_restartedServerRecordsItOnce() {
        world.createNotebook(ALICE, "sample");
        Reconciler first = world.newReconciler();
        first.reconcileOnce();
        world.clusters.crashOnNextUpdate();
        assertThrows(SimulatedCrash.class, first::reconcileOnce);
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status(), "nothing was saved");

        Reconciler restarted = world.newReconciler();
        world.leaseExpires();
        restarted.reconcileOnce();

        ClusterId id = world.stored(ALICE, "sample").id();
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(1, world.backend.creations());
        assertEquals(1, world.events.count(id, ClusterEvent.Type.READY));
        assertEquals(1, world.events.count(id, ClusterEvent.Type.CREATED));
    }

    @Test
    void crashInTheMiddleOfADelete_restartedServerFinishesIt() {
        world.createWithSpark(ALICE, "sample", 2);
        Reconciler first = world.newReconciler();
        first.reconcileOnce();
        ClusterId id = world.stored(ALICE, "sample").id();
        world.deleteCluster(ALICE, "sample");
        world.backend.crashProcessAfterNextRemoveCluster();
        assertThrows(SimulatedCrash.class, first::reconcileOnce);
        assertEquals(ClusterStatus.DELETING, world.view(ALICE, "sample").status(), "not gone before confirmed");

        Reconciler restarted = world.newReconciler();
        world.leaseExpires();
        restarted.reconcileOnce();

        assertTrue(world.list.list(ALICE).isEmpty());
        assertTrue(world.backend.instances().isEmpty());
        assertEquals(1, world.events.count(id, ClusterEvent.Type.DELETING));
        assertEquals(1, world.events.count(id, ClusterEvent.Type.DELETED));
    }

    @Test
    void crashedLeaderKeepsOthersOutUntilItsLeaseExpires() {
        world.createNotebook(ALICE, "sample");
        world.backend.crashProcessAfterNextApply();
        assertThrows(SimulatedCrash.class, world.newReconciler()::reconcileOnce);
        Reconciler restarted = world.newReconciler();

        PassReport tooEarly = restarted.reconcileOnce();
        world.leaseExpires();
        PassReport later = restarted.reconcileOnce();

        assertEquals(false, tooEarly.leader());
        assertEquals(true, later.leader());
    }

    @Test
    void twoReconcilersTakingTurns_neverDuplicateAnything() {
        Reconciler a = world.newReconciler();
        Reconciler b = world.newReconciler();
        for (int round = 0; round < 6; round++) {
            world.createWithSpark(ALICE, "c" + round, 1);
            a.reconcileOnce();
            b.reconcileOnce();
            if (round % 2 == 0) {
                a.close();
            } else {
                b.close();
            }
        }
        a.reconcileOnce();
        b.reconcileOnce();
        a.reconcileOnce();

        assertEquals(18, world.backend.instances().size());
        assertEquals(18, world.backend.creations());
        assertTrue(world.list.list(ALICE).stream().allMatch(c -> c.status() == ClusterStatus.CREATED));
    }
}
