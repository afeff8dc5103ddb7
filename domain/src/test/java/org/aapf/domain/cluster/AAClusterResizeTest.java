package org.aapf.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class AAClusterResizeTest {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final InstanceState READY = new InstanceState(InstanceStatus.READY, Optional.of(Health.HEALTHY),
            List.of());

    @Test
    void scalingUpAddsCreatingWorkersAfterTheHighestIndex_andTheClusterIsCreatingAgain() {
        AACluster cluster = readyCluster(2);

        assertTrue(cluster.resizeSparkWorkers(3, T1));

        assertEquals(List.of("spark-worker-1", "spark-worker-2", "spark-worker-3"), workerLabels(cluster));
        assertEquals(InstanceStatus.CREATING, cluster.instance(ServiceKind.SPARK_WORKER, 3).orElseThrow().status());
        assertEquals(InstanceStatus.READY, cluster.instance(ServiceKind.SPARK_WORKER, 2).orElseThrow().status());
        assertEquals(3, cluster.spec(ServiceKind.SPARK_WORKER).orElseThrow().numberOfInstances());
        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertEquals(ClusterEvent.Type.REQUESTED, cluster.pullEvents().getLast().type());
    }

    @Test
    void scalingDownDropsTheHighestIndexesFirst_andKeepsTheClusterCreated() {
        AACluster cluster = readyCluster(3);

        assertTrue(cluster.resizeSparkWorkers(1, T1));

        assertEquals(List.of("spark-worker-1"), workerLabels(cluster));
        assertEquals(1, cluster.spec(ServiceKind.SPARK_WORKER).orElseThrow().numberOfInstances());
        assertEquals(ClusterStatus.CREATED, cluster.status());
    }

    @Test
    void resizingToTheCurrentCount_changesNothing() {
        AACluster cluster = readyCluster(2);

        assertFalse(cluster.resizeSparkWorkers(2, T1));
        assertFalse(cluster.hasChanges());
    }

    @Test
    void aClusterWithAMasterButNoWorkers_getsWorkersOfTheMastersImageAndType() {
        AACluster cluster = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("m"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("nb", "small", 1),
                        ServiceKind.SPARK_MASTER, new ServiceSpec("spark", "medium", 1)), T0);

        cluster.resizeSparkWorkers(2, T1);

        assertEquals(new ServiceSpec("spark", "medium", 2), cluster.spec(ServiceKind.SPARK_WORKER).orElseThrow());
        assertEquals(List.of("spark-worker-1", "spark-worker-2"), workerLabels(cluster));
    }

    @Test
    void resizingIsRefusedWithoutAMaster_belowOne_andWhileDeleting() {
        AACluster notebookOnly = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("n"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("nb", "small", 1)), T0);
        assertThrows(AapfException.class, () -> notebookOnly.resizeSparkWorkers(1, T1));
        AACluster cluster = readyCluster(2);
        assertThrows(AapfException.class, () -> cluster.resizeSparkWorkers(0, T1));
        cluster.requestDeletion(T1);
        assertThrows(AapfException.class, () -> cluster.resizeSparkWorkers(3, T1));
    }

    private static AACluster readyCluster(int workers) {
        AACluster cluster = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("sample"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("nb", "small", 1),
                        ServiceKind.SPARK_MASTER, new ServiceSpec("spark", "small", 1),
                        ServiceKind.SPARK_WORKER, new ServiceSpec("spark", "small", workers)),
                T0);
        cluster.instances().forEach(instance -> cluster.observe(instance.service(), instance.index(), READY, T0));
        AACluster loaded = AACluster.restore(cluster.id(), cluster.owner(), cluster.name(), cluster.createdAt(),
                cluster.specs(), cluster.instances(), cluster.status(), cluster.alerts(), 1);
        assertEquals(ClusterStatus.CREATED, loaded.status());
        return loaded;
    }

    private static List<String> workerLabels(AACluster cluster) {
        return cluster.instancesOf(ServiceKind.SPARK_WORKER).stream().map(Instance::label).toList();
    }
}
