package org.aapf.application.service.cluster;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.aapf.application.testing.ClusterWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.aapf.application.port.in.CreateClusterUseCase.CreateClusterCommand;
import org.aapf.application.port.in.CreateClusterUseCase.ServiceRequest;
import org.aapf.application.testing.TestCatalogues;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.aapf.application.testing.ClusterWorld;

class CreateClusterServiceTest {

    private final ClusterWorld world = new ClusterWorld();

    @Test
    void storesCreatingClusterWithOneRowPerInstanceAndWakesTheReconciler() {
        world.createWithSpark(ALICE, "sample", 3);

        AACluster cluster = world.stored(ALICE, "sample");
        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertEquals(5, cluster.instances().size());
        assertTrue(cluster.instances().stream().allMatch(i -> i.status() == InstanceStatus.CREATING));
        assertEquals(1, world.wakes.get());
        assertEquals(1, world.events.count(cluster.id(), ClusterEvent.Type.REQUESTED));
        assertEquals(0, world.backend.applyCalls(), "create must not wait for the backend");
    }

    @Test
    void notebookGetsRandomProxyPathAndToken_otherServicesNone() {
        world.createWithSpark(ALICE, "a", 1);
        world.createNotebook(ALICE, "b");

        Instance first = world.stored(ALICE, "a").instancesOf(ServiceKind.JUPYTER_NOTEBOOK).get(0);
        Instance second = world.stored(ALICE, "b").instancesOf(ServiceKind.JUPYTER_NOTEBOOK).get(0);
        assertTrue(first.notebook().orElseThrow().urlPath().matches("/proxy/[a-z0-9]{20}/jupyter"));
        assertTrue(first.notebook().orElseThrow().token().value().matches("[0-9a-f]{48}"));
        assertTrue(!first.notebook().equals(second.notebook()), "every notebook has its own proxy id and token");
        assertTrue(world.stored(ALICE, "a").instancesOf(ServiceKind.SPARK_WORKER).get(0).notebook().isEmpty());
    }

    @Test
    void timestampsAreTruncatedToMicroseconds() {
        world.createNotebook(ALICE, "sample");

        AACluster cluster = world.stored(ALICE, "sample");
        assertEquals(world.clock.instant().truncatedTo(ChronoUnit.MICROS), cluster.createdAt());
        assertEquals(cluster.createdAt(), cluster.instances().get(0).createdAt());
    }

    @Test
    void duplicateNameOfSameUser_isInvalid_otherUserMayReuseIt() {
        world.createNotebook(ALICE, "sample");

        AapfException error = assertThrows(AapfException.class, () -> world.createNotebook(ALICE, "sample"));
        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertEquals("AACluster named 'sample' already exists.", error.getMessage());
        world.createNotebook(BOB, "sample");
        assertEquals(1, world.list.list(BOB).size());
    }

    @Test
    void unknownImage_isInvalidWithReferenceMessage() {
        AapfException error = assertThrows(AapfException.class, () -> create(Optional.of(
                ServiceRequest.of("nope", TestCatalogues.SMALL)), Optional.empty(), Optional.empty()));
        assertInvalid("Unknown image 'nope'.", error);
    }

    @Test
    void unknownPerfType_isInvalidWithReferenceMessage() {
        AapfException error = assertThrows(AapfException.class, () -> create(Optional.of(
                ServiceRequest.of(TestCatalogues.NOTEBOOK, "huge")), Optional.empty(), Optional.empty()));
        assertInvalid("Unknown performance type 'huge'.", error);
    }

    @Test
    void missingNotebook_isInvalid() {
        AapfException error = assertThrows(AapfException.class,
                () -> create(Optional.empty(), Optional.empty(), Optional.empty()));
        assertInvalid("'jupyterNotebook' is required", error);
    }

    @Test
    void missingImageName_isInvalidNamingTheField() {
        AapfException error = assertThrows(AapfException.class, () -> create(Optional.of(
                ServiceRequest.of(" ", TestCatalogues.SMALL)), Optional.empty(), Optional.empty()));
        assertInvalid("'jupyterNotebook.image.repositoryName' is required", error);
    }

    @Test
    void workerCountOutsideOneToMaximum_isInvalid() {
        for (int count : new int[] {0, -1, ClusterLimits.DEFAULT_MAX_SPARK_WORKERS + 1}) {
            AapfException error = assertThrows(AapfException.class, () -> world.createWithSpark(ALICE, "x", count));
            assertInvalid("'sparkWorker.numberOfInstances' must be between 1 and 16", error);
        }
        world.createWithSpark(ALICE, "max", ClusterLimits.DEFAULT_MAX_SPARK_WORKERS);
        assertEquals(16, world.stored(ALICE, "max").instancesOf(ServiceKind.SPARK_WORKER).size());
    }

    @Test
    void moreThanOneNotebook_isInvalid() {
        AapfException error = assertThrows(AapfException.class, () -> create(Optional.of(new ServiceRequest(
                TestCatalogues.NOTEBOOK, TestCatalogues.SMALL, Optional.of(2))), Optional.empty(), Optional.empty()));
        assertInvalid("'jupyterNotebook.numberOfInstances' must be 1", error);
    }

    @Test
    void workersWithoutMaster_areInvalid() {
        AapfException error = assertThrows(AapfException.class, () -> create(Optional.of(ClusterWorld.notebook()),
                Optional.empty(), Optional.of(ServiceRequest.of(TestCatalogues.SPARK, TestCatalogues.SMALL))));
        assertInvalid("'sparkMaster' is required with 'sparkWorker'", error);
    }

    @Test
    void invalidNames_areInvalid() {
        for (String name : new String[] {"", "  ", "a/b", "tab\there", "x".repeat(513), "..", "zero\u200Bwidth",
                "bad\uFFFDbyte"}) {
            AapfException error = assertThrows(AapfException.class, () -> world.createNotebook(ALICE, name));
            assertEquals(ErrorReason.INVALID_INPUT, error.reason(), name);
        }
        assertTrue(world.list.list(ALICE).isEmpty());
    }

    private void create(Optional<ServiceRequest> notebook, Optional<ServiceRequest> master,
            Optional<ServiceRequest> worker) {
        world.create.create(new CreateClusterCommand(ALICE, "sample", notebook, master, worker));
    }

    private void assertInvalid(String message, AapfException error) {
        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertEquals(message, error.getMessage());
        assertTrue(world.list.list(ALICE).isEmpty(), "nothing is stored for an invalid request");
    }
}
