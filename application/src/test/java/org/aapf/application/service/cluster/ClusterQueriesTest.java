package org.aapf.application.service.cluster;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.aapf.application.testing.ClusterWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ClusterEventView;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.DeleteClusterUseCase.DeleteClusterCommand;
import org.aapf.application.port.in.ListClustersQuery.ClusterList;
import org.aapf.application.port.in.StopClusterUseCase.StopClusterCommand;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.in.ServiceView;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.ListImagesService;
import org.aapf.application.service.catalogue.ListPerfTypesService;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.aapf.application.testing.ClusterWorld;

class ClusterQueriesTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void viewListsThreeServicesInApiOrder_unrequestedOnesEmpty() {
        world.createNotebook(ALICE, "sample");

        ClusterView view = world.view(ALICE, "sample");
        assertEquals("sample", view.name());
        assertEquals(ClusterStatus.CREATING, view.status());
        assertEquals(List.of(ServiceKind.JUPYTER_NOTEBOOK, ServiceKind.SPARK_MASTER, ServiceKind.SPARK_WORKER),
                view.services().stream().map(ServiceView::kind).toList());
        ServiceView notebook = view.services().get(0);
        assertEquals(1, notebook.numberOfInstances());
        assertEquals(new ImageView(TestCatalogues.NOTEBOOK, "Jupyter Notebook",
                "Standard Jupyter Notebook image provided by AAPF."), notebook.image().orElseThrow());
        assertEquals(new PerfTypeView("small", "Small", 0.5, 1024, Optional.empty()),
                notebook.perfType().orElseThrow());
        for (ServiceView unrequested : view.services().subList(1, 3)) {
            assertEquals(ServiceView.notRequested(unrequested.kind()), unrequested);
        }
    }

    @Test
    void notebookInstanceCarriesUrlPathAndToken_workersDoNot() {
        world.createWithSpark(ALICE, "sample", 2);

        ClusterView view = world.view(ALICE, "sample");
        InstanceView notebook = view.services().get(0).instances().get(0);
        assertEquals(1, notebook.index());
        assertTrue(notebook.urlPath().orElseThrow().startsWith("/proxy/"));
        assertTrue(notebook.jupyterToken().orElseThrow().matches("[0-9a-f]{48}"));
        List<InstanceView> workers = view.services().get(2).instances();
        assertEquals(List.of(1, 2), workers.stream().map(InstanceView::index).toList());
        assertTrue(workers.stream().allMatch(w -> w.urlPath().isEmpty() && w.jupyterToken().isEmpty()));
        assertTrue(notebook.health().isEmpty());
    }

    @Test
    void listIsSortedByName_andEmptyForAUserWithNone() {
        world.createNotebook(ALICE, "beta");
        world.createNotebook(ALICE, "alpha");
        world.createNotebook(BOB, "gamma");

        assertEquals(List.of("alpha", "beta"), world.list.list(ALICE).stream().map(ClusterView::name).toList());
        assertTrue(world.list.list(UserId.random()).isEmpty());
    }

    @Test
    void knownListIsReturnedItselfWhileExact_aChangeOfACluster_orOfTheCatalogue_givesAFreshOne() {
        world.createNotebook(ALICE, "alpha");
        ClusterList first = world.list.list(ALICE, Optional.empty());

        assertSame(first, world.list.list(ALICE, Optional.of(first)), "unchanged");
        world.createNotebook(BOB, "other");
        assertSame(first, world.list.list(ALICE, Optional.of(first)), "another owner's change");
        assertNotSame(first, world.list.list(BOB, Optional.of(first)), "another owner's list");

        world.stop.stop(new StopClusterCommand(ALICE, "alpha"));
        ClusterList stopped = world.list.list(ALICE, Optional.of(first));
        assertNotSame(first, stopped);
        assertEquals(ClusterStatus.STOPPING, stopped.clusters().getFirst().status());
        assertEquals(stopped.clusters(), world.list.list(ALICE));

        world.catalogue.set(TestCatalogues.standard());
        ClusterList recatalogued = world.list.list(ALICE, Optional.of(stopped));
        assertNotSame(stopped, recatalogued);
        assertSame(recatalogued, world.list.list(ALICE, Optional.of(recatalogued)));

        world.delete.delete(new DeleteClusterCommand(ALICE, "alpha"));
        assertNotSame(recatalogued, world.list.list(ALICE, Optional.of(recatalogued)), "deletion requested");
    }

    @Test
    void anotherUsersCluster_isNotFoundLikeAMissingOne() {
        world.createNotebook(BOB, "secret");

        assertNotFound("AACluster named 'secret' was not found.", () -> world.view(ALICE, "secret"));
        assertNotFound("AACluster named 'secret' was not found.", () -> world.deleteCluster(ALICE, "secret"));
        assertNotFound("AACluster named 'secret' was not found.", () -> world.history.list(ALICE, "secret"));
        assertNotFound("AACluster named 'missing' was not found.", () -> world.view(ALICE, "missing"));
        assertEquals(ClusterStatus.CREATING, world.view(BOB, "secret").status(), "Bob's cluster is untouched");
    }

    @Test
    void eventsAreListedOldestFirst() {
        world.createNotebook(ALICE, "sample");
        world.deleteCluster(ALICE, "sample");

        assertEquals(List.of(ClusterEvent.Type.REQUESTED, ClusterEvent.Type.DELETING),
                world.history.list(ALICE, "sample").stream().map(ClusterEventView::type).toList());
    }

    @Test
    void deleteMarksDeleting_andRepeatingItIsHarmless() {
        world.createWithSpark(ALICE, "sample", 1);
        world.deleteCluster(ALICE, "sample");
        world.deleteCluster(ALICE, "sample");

        ClusterView view = world.view(ALICE, "sample");
        assertEquals(ClusterStatus.DELETING, view.status());
        assertTrue(view.services().stream().flatMap(s -> s.instances().stream())
                .allMatch(i -> i.status() == InstanceStatus.DELETING));
        assertEquals(1, world.events.count(world.stored(ALICE, "sample").id(), ClusterEvent.Type.DELETING));
        assertEquals(3, world.wakes.get(), "create and both deletes wake the reconciler");
    }

    @Test
    void catalogueListsAreSortedByName() {
        assertEquals(List.of("aa_jupyter_notebook", "aa_spark"), new ListImagesService(world.catalogue::get, CatalogueVisibility.everything()).list(ALICE)
                .stream().map(ImageView::repositoryName).toList());
        List<PerfTypeView> types = new ListPerfTypesService(world.catalogue::get, CatalogueVisibility.everything(),
                world.fit)
                .list(ALICE);
        assertEquals(List.of("gpu-small", "small"), types.stream().map(PerfTypeView::name).toList());
        assertEquals(Optional.of(1), types.get(0).gpus());
    }

    private static void assertNotFound(String message, Executable call) {
        AapfException error = assertThrows(AapfException.class, call);
        assertEquals(ErrorReason.NOT_FOUND, error.reason());
        assertEquals(message, error.getMessage());
    }
}
