package org.aapf.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class AAClusterTest {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final InstanceState READY = new InstanceState(InstanceStatus.READY, Optional.of(Health.HEALTHY),
            List.of());

    private final AACluster cluster = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("sample"),
            Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("nb", "small", 1),
                    ServiceKind.SPARK_MASTER, new ServiceSpec("spark", "small", 1),
                    ServiceKind.SPARK_WORKER, new ServiceSpec("spark", "small", 2)),
            T0);

    @Test
    void newClusterIsCreatingWithOrderedInstancesAndARequestedEvent() {
        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertEquals(List.of("jupyter-notebook-1", "spark-master-1", "spark-worker-1", "spark-worker-2"),
                cluster.instances().stream().map(Instance::label).toList());
        assertEquals(List.of(ClusterEvent.Type.REQUESTED),
                cluster.pullEvents().stream().map(ClusterEvent::type).toList());
        assertTrue(cluster.pullEvents().isEmpty(), "pulled events are gone");
    }

    @Test
    void becomesCreatedOnlyWhenEveryInstanceIsReady() {
        cluster.pullEvents();
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, READY, T1);
        cluster.observe(ServiceKind.SPARK_MASTER, 1, READY, T1);
        cluster.observe(ServiceKind.SPARK_WORKER, 1, READY, T1);
        assertEquals(ClusterStatus.CREATING, cluster.status());

        cluster.observe(ServiceKind.SPARK_WORKER, 2, READY, T1);

        assertEquals(ClusterStatus.CREATED, cluster.status());
        assertEquals(ClusterEvent.Type.CREATED, cluster.pullEvents().get(4).type());
        assertEquals(T1, cluster.instance(ServiceKind.SPARK_WORKER, 2).orElseThrow().updatedAt());
    }

    @Test
    void failedInstanceMakesTheClusterError() {
        Alert oom = new Alert(Alert.Level.ERROR, "OOMKilled", "Out of memory.", T1);
        cluster.observe(ServiceKind.SPARK_WORKER, 1, new InstanceState(InstanceStatus.FAILED, Optional.empty(),
                List.of(oom)), T1);

        assertEquals(ClusterStatus.ERROR, cluster.status());
        assertEquals(List.of(oom), cluster.instance(ServiceKind.SPARK_WORKER, 1).orElseThrow().alerts());
    }

    @Test
    void restartOfAFailedInstance_isAnEventNamingWhy_andTheInstanceStaysFailed() {
        Alert exited = new Alert(Alert.Level.ERROR, "Exited", "The instance exited with code 137", T1);
        cluster.observe(ServiceKind.SPARK_WORKER, 2, new InstanceState(InstanceStatus.FAILED, Optional.empty(),
                List.of(exited)), T1);
        cluster.pullEvents();

        cluster.recordRestart(ServiceKind.SPARK_WORKER, 2, 1, T1);

        ClusterEvent event = cluster.pullEvents().getFirst();
        assertEquals(ClusterEvent.Type.RESTARTED, event.type());
        assertEquals("Instance spark-worker-2 is being restarted (restart 1) after it failed: "
                + "The instance exited with code 137", event.message());
        assertEquals(InstanceStatus.FAILED, cluster.instance(ServiceKind.SPARK_WORKER, 2).orElseThrow().status());
        assertEquals(List.of(exited), cluster.instance(ServiceKind.SPARK_WORKER, 2).orElseThrow().alerts());
        assertThrows(IllegalStateException.class, () -> cluster.recordRestart(ServiceKind.SPARK_WORKER, 1, 1, T1),
                "only a failed instance is restarted");
    }

    @Test
    void sameObservationAgain_isNoChange_evenWithANewAlertTime() {
        Alert oom = new Alert(Alert.Level.ERROR, "OOMKilled", "Out of memory.", T1);
        cluster.observe(ServiceKind.SPARK_WORKER, 1, new InstanceState(InstanceStatus.FAILED, Optional.empty(),
                List.of(oom)), T1);
        AACluster reloaded = reload(cluster);
        Instance before = reloaded.instance(ServiceKind.SPARK_WORKER, 1).orElseThrow();

        Alert later = new Alert(Alert.Level.ERROR, "OOMKilled", "Out of memory.", T1.plusSeconds(60));
        reloaded.observe(ServiceKind.SPARK_WORKER, 1, new InstanceState(InstanceStatus.FAILED, Optional.empty(),
                List.of(later)), T1.plusSeconds(60));

        assertFalse(reloaded.hasChanges());
        assertSame(before, reloaded.instance(ServiceKind.SPARK_WORKER, 1).orElseThrow());
    }

    @Test
    void applyFailureAlertSurvivesObservationsUntilApplied() {
        cluster.markApplyFailed(ServiceKind.JUPYTER_NOTEBOOK, 1, "refused", T1);
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, InstanceState.absent(), T1);
        assertTrue(cluster.instance(ServiceKind.JUPYTER_NOTEBOOK, 1).orElseThrow().hasAlert(AlertReasons.APPLY_FAILED));

        cluster.markApplied(ServiceKind.JUPYTER_NOTEBOOK, 1, T1);

        assertFalse(cluster.instance(ServiceKind.JUPYTER_NOTEBOOK, 1).orElseThrow()
                .hasAlert(AlertReasons.APPLY_FAILED));
    }

    @Test
    void deletionIsRequestedOnce_andRefusesObservationsAfterwards() {
        cluster.pullEvents();
        assertTrue(cluster.requestDeletion(T1));
        assertFalse(cluster.requestDeletion(T1));

        assertEquals(ClusterStatus.DELETING, cluster.status());
        assertTrue(cluster.instances().stream().allMatch(i -> i.status() == InstanceStatus.DELETING));
        assertEquals(1, cluster.pullEvents().size());
        assertThrows(IllegalStateException.class,
                () -> cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, READY, T1));
        cluster.completeDeletion(T1);
        assertEquals(ClusterEvent.Type.DELETED, cluster.pullEvents().get(0).type());
    }

    @Test
    void completingADeletionThatWasNotRequested_isRefused() {
        assertThrows(IllegalStateException.class, () -> cluster.completeDeletion(T1));
    }

    @Test
    void clusterAlertsAreRaisedOnceAndCleared() {
        AACluster reloaded = reload(cluster);
        Alert down = new Alert(Alert.Level.ERROR, AlertReasons.BACKEND_UNREACHABLE, "down", T1);
        reloaded.raiseAlert(down);
        AACluster again = reload(reloaded);
        again.raiseAlert(new Alert(Alert.Level.ERROR, AlertReasons.BACKEND_UNREACHABLE, "down", T1.plusSeconds(9)));
        assertFalse(again.hasChanges());

        again.clearAlert(AlertReasons.BACKEND_UNREACHABLE);

        assertTrue(again.hasChanges());
        assertEquals(List.of(), again.alerts());
    }

    @Test
    void notebookIsRequired_andSingle_workersNeedAMaster() {
        assertInvalid(Map.of(ServiceKind.SPARK_MASTER, new ServiceSpec("s", "p", 1)));
        assertInvalid(Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("n", "p", 2)));
        assertInvalid(Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("n", "p", 1),
                ServiceKind.SPARK_WORKER, new ServiceSpec("s", "p", 1)));
    }

    private static void assertInvalid(Map<ServiceKind, ServiceSpec> specs) {
        assertThrows(AapfException.class, () -> AACluster.create(ClusterId.random(), UserId.random(),
                new ClusterName("x"), specs, T0));
    }

    private static AACluster reload(AACluster cluster) {
        return AACluster.restore(cluster.id(), cluster.owner(), cluster.name(), cluster.createdAt(), cluster.specs(),
                cluster.instances(), cluster.status(), cluster.alerts(), cluster.version() + 1);
    }
}
