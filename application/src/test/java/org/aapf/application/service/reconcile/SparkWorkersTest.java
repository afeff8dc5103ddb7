package org.aapf.application.service.reconcile;

import static org.aapf.application.testing.ClusterWorld.ALICE;
import static org.aapf.application.testing.ClusterWorld.BOB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase.ResizeSparkWorkersCommand;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.Test;
import org.aapf.application.service.cluster.ClusterLimits;
import org.aapf.application.testing.ClusterWorld;

class SparkWorkersTest {

    private final ClusterWorld world = new ClusterWorld();
    private final AtomicReference<Optional<Set<String>>> registered = new AtomicReference<>(Optional.empty());
    private final Reconciler reconciler = world.newReconciler(masterUi -> registered.get());

    @Test
    void resizeIsAppliedByTheReconciler_scalingDownRemovesTheHighestIndexes() {
        world.createWithSpark(ALICE, "sample", 2);
        settle();

        resize(3);
        settle();
        assertEquals(List.of(1, 2, 3), backendWorkers());
        int wakes = world.wakes.get();
        resize(1);
        settle();

        assertEquals(List.of(1), backendWorkers());
        assertEquals(wakes + 1, world.wakes.get());
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
        assertEquals(1, world.view(ALICE, "sample").services().get(2).instances().size());
    }

    @Test
    void resizeOutOfRangeWithoutMasterOrOfAnotherUsersCluster_isRefused() {
        world.createWithSpark(ALICE, "spark", 2);
        world.createNotebook(ALICE, "plain");

        assertEquals(ErrorReason.INVALID_INPUT, refused(ALICE, "spark", 0));
        assertEquals(ErrorReason.INVALID_INPUT, refused(ALICE, "spark", ClusterLimits.DEFAULT_MAX_SPARK_WORKERS + 1));
        assertEquals(ErrorReason.INVALID_INPUT, refused(ALICE, "plain", 1));
        assertEquals(ErrorReason.NOT_FOUND, refused(BOB, "spark", 1));
        assertEquals(2, world.stored(ALICE, "spark").instancesOf(ServiceKind.SPARK_WORKER).size());
    }

    @Test
    void aWorkerIsReadyOnlyOnceTheMasterListsItAlive() {
        registered.set(Optional.of(Set.of("spark-worker-1")));
        world.createWithSpark(ALICE, "sample", 2);
        settle();

        assertEquals(InstanceStatus.READY, workerStatus(1));
        assertEquals(InstanceStatus.STARTING, workerStatus(2));
        assertEquals(ClusterStatus.CREATING, world.view(ALICE, "sample").status());

        registered.set(Optional.of(Set.of("spark-worker-1", "spark-worker-2")));
        settle();
        assertEquals(ClusterStatus.CREATED, world.view(ALICE, "sample").status());
    }

    @Test
    void notebookOfAClusterWithAMaster_getsTheMasterUrl_andWorkersTheirHostname() {
        world.createWithSpark(ALICE, "spark", 1);
        world.createNotebook(ALICE, "plain");
        settle();

        DesiredInstance notebook = desired("spark", ServiceKind.JUPYTER_NOTEBOOK, 1);
        assertEquals("spark://spark-master:7077", notebook.env().get("SPARK_MASTER_URL"));
        assertEquals("--master spark://spark-master:7077 pyspark-shell", notebook.env().get("PYSPARK_SUBMIT_ARGS"));
        assertFalse(desired("plain", ServiceKind.JUPYTER_NOTEBOOK, 1).env().containsKey("SPARK_MASTER_URL"));
        assertEquals(Optional.of("spark-worker-1"), desired("spark", ServiceKind.SPARK_WORKER, 1).hostname());
    }

    private void resize(int count) {
        world.resize.resize(new ResizeSparkWorkersCommand(ALICE, "sample", count));
    }

    private ErrorReason refused(org.aapf.domain.user.UserId owner, String name, int count) {
        return assertThrows(AapfException.class,
                () -> world.resize.resize(new ResizeSparkWorkersCommand(owner, name, count))).reason();
    }

    private void settle() {
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
        reconciler.reconcileOnce();
    }

    private List<Integer> backendWorkers() {
        return world.backend.instancesOf(world.stored(ALICE, "sample").id()).stream()
                .map(instance -> instance.ref())
                .filter(ref -> ref.service() == ServiceKind.SPARK_WORKER)
                .map(InstanceRef::index).sorted().toList();
    }

    private InstanceStatus workerStatus(int index) {
        return world.stored(ALICE, "sample").instance(ServiceKind.SPARK_WORKER, index).orElseThrow().status();
    }

    private DesiredInstance desired(String name, ServiceKind service, int index) {
        return world.backend.desired(new InstanceRef(world.stored(ALICE, name).id(), service, index)).orElseThrow();
    }
}
