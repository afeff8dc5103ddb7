package org.aapf.domain.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class AAClusterFromWarmTest {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final ServiceSpec NOTEBOOK = new ServiceSpec("nb", "small", 1);

    @Test
    void clusterTakingAWarmInstanceIsCreatedAtOnceWithTheInstancesAccess() {
        ClusterId id = ClusterId.random();
        NotebookAccess access = NotebookAccess.random();

        AACluster cluster = AACluster.createFromWarm(id, UserId.random(), new ClusterName("fast"),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, NOTEBOOK), access, T0);

        assertEquals(id, cluster.id());
        assertEquals(ClusterStatus.CREATED, cluster.status());
        Instance notebook = cluster.instances().getFirst();
        assertEquals(InstanceStatus.READY, notebook.status());
        assertEquals(Optional.of(access), notebook.notebook());
        assertEquals(List.of(ClusterEvent.Type.REQUESTED, ClusterEvent.Type.CREATED),
                cluster.pullEvents().stream().map(ClusterEvent::type).toList());
    }

    @Test
    void onlyANotebookOnlyClusterCanTakeAWarmInstance() {
        assertThrows(IllegalArgumentException.class, () -> AACluster.createFromWarm(ClusterId.random(),
                UserId.random(), new ClusterName("spark"), Map.of(ServiceKind.JUPYTER_NOTEBOOK, NOTEBOOK,
                        ServiceKind.SPARK_MASTER, new ServiceSpec("spark", "small", 1)), NotebookAccess.random(), T0));
    }
}
