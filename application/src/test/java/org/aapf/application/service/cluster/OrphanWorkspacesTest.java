package org.aapf.application.service.cluster;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.aapf.application.port.in.PruneOrphanWorkspacesUseCase.PruneCommand;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.error.AapfException;
import org.junit.jupiter.api.Test;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.application.testing.ClusterWorld;

class OrphanWorkspacesTest {

    private final ClusterWorld world = new ClusterWorld();
    private final Reconciler reconciler = world.newReconciler();
    private final ListOrphanWorkspacesService orphans = new ListOrphanWorkspacesService(world.clusters, world.backend);
    private final PruneOrphanWorkspacesService prune = new PruneOrphanWorkspacesService(world.clusters, world.backend,
            world.clock);

    @Test
    void workspaceWithoutRowIsListed_andPrunedOnlyOnceOldEnough() {
        world.createNotebook(ALICE, "kept");
        world.createNotebook(ALICE, "lost");
        reconciler.reconcileOnce();
        ClusterId lost = world.stored(ALICE, "lost").id();
        world.clusters.delete(world.stored(ALICE, "lost"));
        reconciler.reconcileOnce();

        assertEquals(List.of(lost), orphans.listOrphans().stream().map(Workspace::cluster).toList());
        assertEquals(List.of(), prune.prune(new PruneCommand(Duration.ofDays(7))), "too young");

        world.advance(Duration.ofDays(8));
        List<Workspace> removed = prune.prune(new PruneCommand(Duration.ofDays(7)));

        assertEquals(List.of(lost), removed.stream().map(Workspace::cluster).toList());
        assertTrue(orphans.listOrphans().isEmpty());
        assertEquals(1, world.backend.workspaces().size(), "the workspace of the cluster with a row stays");
    }

    @Test
    void negativeAgeIsRefused() {
        assertThrows(AapfException.class, () -> prune.prune(new PruneCommand(Duration.ofDays(-1))));
    }
}
