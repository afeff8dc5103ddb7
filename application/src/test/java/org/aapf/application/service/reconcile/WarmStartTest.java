package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.Workspace;
import org.aapf.application.service.cluster.ListOrphanWorkspacesService;
import org.aapf.application.testing.ClusterWorld;
import org.aapf.application.testing.SimulatedCrash;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ServiceKind;
import org.junit.jupiter.api.Test;

/**
 * Starts of stopped notebook clusters on warm instances, on the fake backend: the workspace's files are copied into
 * the warm instance before the switch is stored, the old workspace goes only afterwards, and every failure or crash
 * falls back to a cold start without losing a file, leaking an instance or handing one instance to two clusters.
 */
class WarmStartTest {

    private static final byte[] NOTES = "x = 1\n".getBytes(StandardCharsets.UTF_8);

    private final ClusterWorld world = new ClusterWorld();
    private final Reconciler reconciler = world.newReconciler();

    @Test
    void stoppedNotebookStartsOnAWarmInstanceWithItsFiles_createdAtOnce() {
        ClusterId id = stoppedNotebookWithNotes();
        WarmInstance warm = readyWarmInstance();
        NotebookAccess before = notebookAccess();

        world.startCluster(ALICE, "nb");

        AACluster cluster = world.stored(ALICE, "nb");
        assertEquals(ClusterStatus.CREATED, cluster.status(), "created without a reconcile pass");
        assertEquals(id, cluster.id(), "the public id stays");
        assertEquals(warm.id(), cluster.runtimeId());
        assertEquals(warm.access(), notebookAccess());
        assertNotEquals(before.proxyId(), notebookAccess().proxyId(), "the warm instance's own address");
        assertArrayEquals(NOTES, world.backend.files(warm.id()).get("notes.ipynb"));
        assertArrayEquals(NOTES, world.backend.files(id).get("notes.ipynb"), "the old copy stays until stored");
        assertEquals(List.of(ClusterEvent.Type.STARTING, ClusterEvent.Type.CREATED), lastEventTypes(id, 2));
        assertEquals("aa_jupyter_notebook/small:warm", world.poolMetrics.claims.getLast());

        reconciler.reconcileOnce();
        reconciler.reconcileOnce();

        cluster = world.stored(ALICE, "nb");
        assertEquals(ClusterStatus.CREATED, cluster.status());
        assertEquals(Optional.empty(), cluster.retiredRuntimeId());
        assertTrue(workspaceOf(id).isEmpty(), "the old workspace is gone once the switch is stored");
        assertEquals(ALICE, world.backend.instancesOf(warm.id()).getFirst().owner());
        assertTrue(world.backend.instancesOf(id).isEmpty());
        assertTrue(world.warm.listAll().stream().noneMatch(w -> w.id().equals(warm.id())), "taken over for good");
        assertEquals(1, world.warm.listAll().size(), "the pool refills");
    }

    @Test
    void warmStartedClusterStopsStartsAgainAndIsDeletedWithEverything() {
        stoppedNotebookWithNotes();
        readyWarmInstance();
        world.startCluster(ALICE, "nb");
        reconciler.reconcileOnce();
        ClusterId first = world.stored(ALICE, "nb").runtimeId();
        world.backend.writeFile(first, "more.txt", NOTES);
        world.stopCluster(ALICE, "nb");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.STOPPED, world.stored(ALICE, "nb").status());
        assertTrue(world.backend.instancesOf(first).isEmpty());
        WarmInstance second = readyWarmInstance();

        world.startCluster(ALICE, "nb");
        reconciler.reconcileOnce();

        assertEquals(second.id(), world.stored(ALICE, "nb").runtimeId());
        assertEquals(2, world.backend.files(second.id()).size());
        assertTrue(workspaceOf(first).isEmpty());

        world.deleteCluster(ALICE, "nb");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertTrue(world.clusters.listAll().isEmpty());
        assertTrue(world.backend.instancesOf(second.id()).isEmpty());
        assertTrue(workspaceOf(second.id()).isEmpty());
    }

    @Test
    void workspaceLargerThanThePoolCopiesStartsCold_andTheClaimedInstanceIsRemoved() {
        world.catalogue.set(world.catalogue.get().withPools(List.of(new WarmPool(TestCatalogues.NOTEBOOK,
                TestCatalogues.SMALL, 1, 1))));
        ClusterId id = stoppedNotebookWithNotes();
        world.backend.writeFile(id, "big.bin", new byte[2 * 1024 * 1024]);
        WarmInstance warm = readyWarmInstance();

        world.startCluster(ALICE, "nb");

        assertColdStartLeavingNothingOf(id, warm);
    }

    @Test
    void failedCopyStartsCold_andTheClaimedInstanceIsRemoved() {
        ClusterId id = stoppedNotebookWithNotes();
        WarmInstance warm = readyWarmInstance();
        world.backend.failNextCopies(1);

        world.startCluster(ALICE, "nb");

        assertColdStartLeavingNothingOf(id, warm);
    }

    @Test
    void backendThatCannotCopyWorkspacesStartsColdWithoutClaiming() {
        ClusterId id = stoppedNotebookWithNotes();
        WarmInstance warm = readyWarmInstance();
        world.backend.copyWorkspaces(false);
        int claims = world.poolMetrics.claims.size();

        world.startCluster(ALICE, "nb");

        assertEquals(ClusterStatus.CREATING, world.stored(ALICE, "nb").status());
        assertEquals(id, world.stored(ALICE, "nb").runtimeId());
        assertEquals(claims, world.poolMetrics.claims.size());
        assertEquals(WarmInstance.State.READY, world.warm.listAll().stream()
                .filter(w -> w.id().equals(warm.id())).findFirst().orElseThrow().state());
    }

    @Test
    void crashDuringTheCopyLosesNoFileAndTheHalfFilledInstanceGoesToNobody() {
        ClusterId id = stoppedNotebookWithNotes();
        world.backend.writeFile(id, "second.txt", NOTES);
        WarmInstance warm = readyWarmInstance();
        world.backend.crashProcessDuringNextCopy();

        assertThrows(SimulatedCrash.class, () -> world.startCluster(ALICE, "nb"));

        AACluster cluster = world.stored(ALICE, "nb");
        assertEquals(ClusterStatus.STOPPED, cluster.status());
        assertEquals(id, cluster.runtimeId());
        assertEquals(2, world.backend.files(id).size(), "every file is still in the old workspace");
        Reconciler restarted = world.newReconciler();
        world.leaseExpires();
        restarted.reconcileOnce();
        assertFalse(world.backend.instancesOf(warm.id()).isEmpty(), "kept while its claim may still complete");

        world.advance(WarmPoolKeeper.claimGrace(world.settings).plusSeconds(1));
        restarted.reconcileOnce();
        restarted.reconcileOnce();

        assertTrue(world.backend.instancesOf(warm.id()).isEmpty(), "the half-filled instance is removed");
        assertTrue(workspaceOf(warm.id()).isEmpty());
        WarmInstance next = world.warm.listAll().getFirst();
        assertNotEquals(warm.id(), next.id());

        world.startCluster(ALICE, "nb");

        assertEquals(next.id(), world.stored(ALICE, "nb").runtimeId());
        assertEquals(2, world.backend.files(next.id()).size());
    }

    @Test
    void crashAfterTheSwitchIsStored_theNextProcessRemovesTheOldWorkspace_whichIsNoOrphanMeanwhile() {
        ClusterId id = stoppedNotebookWithNotes();
        readyWarmInstance();
        world.startCluster(ALICE, "nb");
        ListOrphanWorkspacesService orphans = new ListOrphanWorkspacesService(world.clusters, world.backend,
                world.warm);

        assertTrue(workspaceOf(id).isPresent());
        assertEquals(List.of(), orphans.listOrphans(), "the retired workspace is still the cluster's");

        Reconciler restarted = world.newReconciler();
        world.leaseExpires();
        restarted.reconcileOnce();

        assertTrue(workspaceOf(id).isEmpty());
        assertEquals(List.of(), orphans.listOrphans());
        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "nb").status());
    }

    @Test
    void startWithoutAReadyWarmInstanceIsCold() {
        ClusterId id = stoppedNotebookWithNotes();

        world.startCluster(ALICE, "nb");

        assertEquals(ClusterStatus.CREATING, world.stored(ALICE, "nb").status());
        assertEquals(id, world.stored(ALICE, "nb").runtimeId());
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "nb").status());
        assertArrayEquals(NOTES, world.backend.files(id).get("notes.ipynb"));
    }

    /** A notebook created cold (no pool yet), holding a file, then stopped; the pool is configured afterwards. */
    private ClusterId stoppedNotebookWithNotes() {
        world.createNotebook(ALICE, "nb");
        reconciler.reconcileOnce();
        ClusterId id = world.stored(ALICE, "nb").id();
        world.backend.writeFile(id, "notes.ipynb", NOTES);
        world.stopCluster(ALICE, "nb");
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.STOPPED, world.stored(ALICE, "nb").status());
        return id;
    }

    private WarmInstance readyWarmInstance() {
        if (world.catalogue.get().pools().isEmpty()) {
            world.poolOfSize(1);
        }
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        return world.warm.listAll().stream().filter(w -> w.state() == WarmInstance.State.READY).findFirst()
                .orElseThrow();
    }

    private void assertColdStartLeavingNothingOf(ClusterId id, WarmInstance warm) {
        AACluster cluster = world.stored(ALICE, "nb");
        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertEquals(id, cluster.runtimeId());
        assertTrue(world.backend.instancesOf(warm.id()).isEmpty(), "the claimed instance is removed");
        assertTrue(workspaceOf(warm.id()).isEmpty());
        assertTrue(world.warm.listAll().stream().noneMatch(w -> w.id().equals(warm.id())));
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        assertEquals(ClusterStatus.CREATED, world.stored(ALICE, "nb").status());
        assertTrue(world.backend.files(id).containsKey("notes.ipynb"), "the files stay in the cluster's workspace");
    }

    private NotebookAccess notebookAccess() {
        return world.stored(ALICE, "nb").instancesOf(ServiceKind.JUPYTER_NOTEBOOK).getFirst().notebook()
                .orElseThrow();
    }

    private Optional<Workspace> workspaceOf(ClusterId id) {
        return world.backend.workspaces().stream().filter(w -> w.cluster().equals(id)).findFirst();
    }

    private List<ClusterEvent.Type> lastEventTypes(ClusterId id, int count) {
        List<ClusterEvent> all = world.events.listByCluster(id);
        return all.subList(all.size() - count, all.size()).stream().map(ClusterEvent::type).toList();
    }
}
