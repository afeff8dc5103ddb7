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
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

class AAClusterStopStartTest {

    private static final Instant T0 = Instant.parse("2024-05-06T07:08:09.123456Z");
    private static final Instant T1 = T0.plusSeconds(5);
    private static final Instant T2 = T0.plusSeconds(9);
    private static final InstanceState READY = new InstanceState(InstanceStatus.READY, Optional.of(Health.HEALTHY),
            List.of());

    private final AACluster cluster = AACluster.create(ClusterId.random(), UserId.random(), new ClusterName("sample"),
            Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("nb", "small", 1),
                    ServiceKind.SPARK_MASTER, new ServiceSpec("spark", "small", 1)),
            T0);

    @Test
    void stopMakesClusterAndInstancesStopping_thenStopped_keepingSpecAndProxyId() {
        ProxyId proxyId = notebookProxyId();
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, READY, T1);
        cluster.pullEvents();

        assertTrue(cluster.requestStop(T1));
        assertEquals(ClusterStatus.STOPPING, cluster.status());
        assertTrue(cluster.instances().stream().allMatch(i -> i.status() == InstanceStatus.STOPPING));
        assertTrue(cluster.instances().stream().allMatch(i -> i.health().isEmpty()));

        cluster.completeStop(T2);

        assertEquals(ClusterStatus.STOPPED, cluster.status());
        assertTrue(cluster.instances().stream().allMatch(i -> i.status() == InstanceStatus.STOPPED));
        assertEquals(proxyId, notebookProxyId());
        assertEquals(2, cluster.specs().size());
        assertEquals(List.of(ClusterEvent.Type.STOPPING, ClusterEvent.Type.STOPPED),
                cluster.pullEvents().stream().map(ClusterEvent::type).toList());
    }

    @Test
    void stopIsIdempotent() {
        assertTrue(cluster.requestStop(T1));
        cluster.pullEvents();
        assertFalse(cluster.requestStop(T2));
        cluster.completeStop(T2);
        assertFalse(cluster.requestStop(T2));
        assertEquals(ClusterStatus.STOPPED, cluster.status());
        assertEquals(List.of(ClusterEvent.Type.STOPPED), cluster.pullEvents().stream().map(ClusterEvent::type).toList());
    }

    @Test
    void startMakesAStoppedClusterCreatingWithTheSameProxyId() {
        ProxyId proxyId = notebookProxyId();
        cluster.requestStop(T1);
        cluster.completeStop(T1);
        cluster.pullEvents();

        assertTrue(cluster.requestStart(T2));

        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertTrue(cluster.instances().stream().allMatch(i -> i.status() == InstanceStatus.CREATING));
        assertEquals(proxyId, notebookProxyId());
        assertEquals(List.of(ClusterEvent.Type.STARTING), cluster.pullEvents().stream().map(ClusterEvent::type).toList());
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, READY, T2);
        cluster.observe(ServiceKind.SPARK_MASTER, 1, READY, T2);
        assertEquals(ClusterStatus.CREATED, cluster.status());
    }

    @Test
    void startOfARunningClusterChangesNothing() {
        cluster.pullEvents();
        assertFalse(cluster.requestStart(T1));
        assertEquals(ClusterStatus.CREATING, cluster.status());
        assertTrue(cluster.pullEvents().isEmpty());
    }

    @Test
    void deletingClusterCannotBeStoppedOrStarted() {
        cluster.requestDeletion(T1);

        AapfException stop = assertThrows(AapfException.class, () -> cluster.requestStop(T2));
        AapfException start = assertThrows(AapfException.class, () -> cluster.requestStart(T2));

        assertEquals(ErrorReason.INVALID_INPUT, stop.reason());
        assertEquals("AACluster 'sample' is being deleted and cannot be stopped.", stop.getMessage());
        assertEquals(ErrorReason.INVALID_INPUT, start.reason());
    }

    @Test
    void stoppedClusterRefusesObservationsAndCompletingAStopTwice() {
        cluster.requestStop(T1);
        cluster.completeStop(T1);

        assertThrows(IllegalStateException.class, () -> cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, READY, T2));
        assertThrows(IllegalStateException.class, () -> cluster.completeStop(T2));
    }

    @Test
    void stoppedClusterCanBeDeleted() {
        cluster.requestStop(T1);
        cluster.completeStop(T1);

        assertTrue(cluster.requestDeletion(T2));
        assertEquals(ClusterStatus.DELETING, cluster.status());
    }

    private ProxyId notebookProxyId() {
        return cluster.instance(ServiceKind.JUPYTER_NOTEBOOK, 1).orElseThrow().notebook().orElseThrow().proxyId();
    }
}
