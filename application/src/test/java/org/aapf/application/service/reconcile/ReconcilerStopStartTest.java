package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.ResolveNotebookRouteQuery.Stopped;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.aapf.application.service.cluster.NotebookRouteCache;
import org.aapf.application.service.cluster.ResolveNotebookRouteService;
import org.aapf.application.testing.ClusterWorld;

class ReconcilerStopStartTest {

    private final ClusterWorld world = new ClusterWorld();
    private final Reconciler reconciler = world.newReconciler();

    @Test
    void stopRemovesEveryInstanceKeepsTheWorkspace_andStartBringsItBackAtTheSameAddress() {
        world.createWithSpark(ALICE, "sample", 1);
        settle();
        String urlPath = notebook().urlPath().orElseThrow();
        ClusterId id = world.stored(ALICE, "sample").id();
        assertEquals(1, world.backend.workspaces().size(), "the notebook's workspace");

        world.stopCluster(ALICE, "sample");
        assertEquals(ClusterStatus.STOPPING, world.view(ALICE, "sample").status());
        settle();

        assertEquals(ClusterStatus.STOPPED, world.view(ALICE, "sample").status());
        assertEquals(InstanceStatus.STOPPED, notebook().status());
        assertTrue(world.backend.instancesOf(id).isEmpty());
        assertEquals(List.of(id), world.backend.workspaces().stream().map(w -> w.cluster()).toList());
        assertEquals(new Stopped("stopped"), new ResolveNotebookRouteService(world.clusters, world.backend,
                new NotebookRouteCache(world.clock)).resolve(urlPath.split("/")[2]));

        world.startCluster(ALICE, "sample");
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status());
        settle();

        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(urlPath, notebook().urlPath().orElseThrow());
        assertEquals(3, world.backend.instancesOf(id).size());
        assertEquals(1, world.backend.workspaces().size());
        List<String> types = world.history.list(ALICE, "sample").stream().map(e -> e.type().apiName()).toList();
        assertTrue(types.containsAll(List.of("stopping", "stopped", "starting")), types.toString());
    }

    @Test
    void stopAndStartAreIdempotent() {
        world.createNotebook(ALICE, "sample");
        settle();

        world.stopCluster(ALICE, "sample");
        world.stopCluster(ALICE, "sample");
        settle();
        world.stopCluster(ALICE, "sample");
        assertEquals(ClusterStatus.STOPPED, world.view(ALICE, "sample").status());
        int observedBefore = world.backend.applyCalls();
        reconciler.reconcileOnce();
        assertEquals(observedBefore, world.backend.applyCalls(), "a stopped cluster is left alone");

        world.startCluster(ALICE, "sample");
        world.startCluster(ALICE, "sample");
        settle();
        world.startCluster(ALICE, "sample");

        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(1, world.history.list(ALICE, "sample").stream().filter(e -> e.type().apiName()
                .equals("stopping")).count());
    }

    @Test
    void deletingAStoppedClusterRemovesItsWorkspace() {
        world.createNotebook(ALICE, "sample");
        settle();
        world.stopCluster(ALICE, "sample");
        settle();

        world.deleteCluster(ALICE, "sample");
        settle();

        assertTrue(world.clusters.findByName(ALICE, new org.aapf.domain.cluster.ClusterName("sample")).isEmpty());
        assertTrue(world.backend.workspaces().isEmpty());
    }

    @Test
    void orphanInstancesAreRemoved_butTheirWorkspaceIsKept() {
        world.createNotebook(ALICE, "sample");
        settle();
        ClusterId id = world.stored(ALICE, "sample").id();
        world.clusters.delete(world.stored(ALICE, "sample"));

        reconciler.reconcileOnce();

        assertTrue(world.backend.instancesOf(id).isEmpty(), "the orphan's instances are gone");
        assertEquals(List.of(id), world.backend.workspaces().stream().map(w -> w.cluster()).toList());
    }

    @Test
    void stoppingADeletingClusterIsRefused() {
        world.createNotebook(ALICE, "sample");
        world.deleteCluster(ALICE, "sample");

        AapfException refused = assertThrows(AapfException.class, () -> world.stopCluster(ALICE, "sample"));

        assertEquals(ErrorReason.INVALID_INPUT, refused.reason());
    }

    @Test
    void unknownClusterIsNotFound() {
        AapfException missing = assertThrows(AapfException.class, () -> world.startCluster(ALICE, "nothing"));

        assertEquals(ErrorReason.NOT_FOUND, missing.reason());
    }

    private InstanceView notebook() {
        return world.view(ALICE, "sample").services().stream()
                .filter(service -> service.kind() == ServiceKind.JUPYTER_NOTEBOOK).findFirst().orElseThrow()
                .instances().getFirst();
    }

    private void settle() {
        for (int i = 0; i < 5; i++) {
            reconciler.reconcileOnce();
        }
    }

}
