package org.aapf.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class AAClusterWarmStartTest {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant T2 = T0.plusSeconds(9);
    private static final ServiceSpec NOTEBOOK = new ServiceSpec("nb", "small", 1);

    private final ClusterId id = ClusterId.random();
    private final AACluster cluster = AACluster.create(id, UserId.random(), new ClusterName("sample"),
            Map.of(ServiceKind.JUPYTER_NOTEBOOK, NOTEBOOK), T0);

    @Test
    void newClusterRunsUnderItsOwnId() {
        assertEquals(id, cluster.runtimeId());
        assertEquals(Optional.empty(), cluster.retiredRuntimeId());
        assertFalse(cluster.mayStartWarm());
    }

    @Test
    void stoppedClusterStartsOnWarmInstance_keepingItsIdButRunningUnderTheWarmOne() {
        stop();
        ClusterId warm = ClusterId.random();
        NotebookAccess access = NotebookAccess.random();
        assertTrue(cluster.mayStartWarm());

        cluster.startOnWarm(warm, access, T2);

        assertEquals(id, cluster.id());
        assertEquals(warm, cluster.runtimeId());
        assertEquals(Optional.of(id), cluster.retiredRuntimeId());
        assertEquals(ClusterStatus.CREATED, cluster.status());
        Instance notebook = cluster.instances().getFirst();
        assertEquals(InstanceStatus.READY, notebook.status());
        assertEquals(Optional.of(access), notebook.notebook());
        List<ClusterEvent> events = cluster.pullEvents();
        assertEquals(List.of(ClusterEvent.Type.STARTING, ClusterEvent.Type.CREATED),
                events.stream().map(ClusterEvent::type).toList());
        assertEquals(List.of(id, id), events.stream().map(ClusterEvent::cluster).toList());
    }

    @Test
    void noSecondWarmStartWhileTheRetiredWorkspaceIsPending() {
        stop();
        cluster.startOnWarm(ClusterId.random(), NotebookAccess.random(), T2);
        cluster.requestStop(T2);
        cluster.completeStop(T2);

        assertFalse(cluster.mayStartWarm());
        assertThrows(IllegalStateException.class,
                () -> cluster.startOnWarm(ClusterId.random(), NotebookAccess.random(), T2));

        cluster.forgetRetiredRuntime();
        assertTrue(cluster.mayStartWarm());
    }

    @Test
    void onlyAStoppedNotebookOnlyClusterStartsWarm() {
        cluster.requestStop(T1);
        assertFalse(cluster.mayStartWarm());
        AACluster spark = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("spark"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, NOTEBOOK, ServiceKind.SPARK_MASTER,
                        new ServiceSpec("spark", "small", 1)), T0);
        spark.requestStop(T1);
        spark.completeStop(T1);
        assertFalse(spark.mayStartWarm());
    }

    @Test
    void runtimeIdsMustDiffer() {
        assertThrows(IllegalArgumentException.class, () -> new RuntimeIds(id, Optional.of(id)));
        ClusterId other = ClusterId.random();
        assertNotEquals(id, new RuntimeIds(other, Optional.of(id)).id());
    }

    private void stop() {
        cluster.requestStop(T1);
        cluster.completeStop(T1);
        cluster.pullEvents();
    }
}
