package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.InstanceState;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.UserId;

/** Test data for the cluster repositories; times are whole microseconds so they read back equal. */
final class Clusters {

    static final Instant T0 = Accounts.T0_STORED;

    private Clusters() {
    }

    static Instant at(long secondsAfterT0) {
        return T0.plusSeconds(secondsAfterT0);
    }

    static AACluster notebook(UserId owner, String name) {
        return AACluster.create(ClusterId.random(), owner, new ClusterName(name),
                Map.of(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("aa_jupyter_notebook", "small", 1)), T0);
    }

    /** A notebook, a Spark master and {@code workers} workers, each service with its own image and type. */
    static AACluster withSpark(UserId owner, String name, int workers) {
        Map<ServiceKind, ServiceSpec> specs = new EnumMap<>(ServiceKind.class);
        specs.put(ServiceKind.JUPYTER_NOTEBOOK, new ServiceSpec("aa_jupyter_notebook", "gpu-small", 1));
        specs.put(ServiceKind.SPARK_MASTER, new ServiceSpec("aa_spark", "small", 1));
        specs.put(ServiceKind.SPARK_WORKER, new ServiceSpec("aa_spark", "medium", workers));
        return AACluster.create(ClusterId.random(), owner, new ClusterName(name), specs, T0);
    }

    /**
     * Gives a {@link #withSpark} cluster of 2 workers every kind of state: notebook ready and healthy, master
     * starting, worker 1 failed with an alert, worker 2 refused by the backend, and a cluster-wide alert.
     */
    static void varyState(AACluster cluster) {
        cluster.observe(ServiceKind.JUPYTER_NOTEBOOK, 1, state(InstanceStatus.READY, Health.HEALTHY), at(10));
        cluster.observe(ServiceKind.SPARK_MASTER, 1, new InstanceState(InstanceStatus.STARTING, Optional.empty(),
                List.of()), at(11));
        cluster.observe(ServiceKind.SPARK_WORKER, 1, new InstanceState(InstanceStatus.FAILED,
                Optional.of(Health.UNHEALTHY), List.of(
                        new Alert(Alert.Level.ERROR, "OOMKilled", "Out of memory (limit 1 GiB).", at(12)),
                        new Alert(Alert.Level.WARNING, "CrashLoop", "Restarted 3 times: ünïcødé 😀", at(13)))),
                at(14));
        cluster.markApplyFailed(ServiceKind.SPARK_WORKER, 2, "The backend refused the instance.", at(15));
        cluster.raiseAlert(new Alert(Alert.Level.ERROR, "BackendUnreachable", "Cannot reach the backend.", at(16)));
    }

    static InstanceState state(InstanceStatus status, Health health) {
        return new InstanceState(status, Optional.of(health), List.of());
    }

    /** The cluster as storage holds it after {@code saves} successful updates. */
    static AACluster saved(AACluster cluster, int saves) {
        return AACluster.restore(cluster.id(), cluster.runtime(), cluster.owner(), cluster.name(), cluster.createdAt(),
                cluster.specs(), cluster.instances(), cluster.status(), cluster.alerts(), cluster.version() + saves);
    }

    /** Asserts that two clusters hold the same data, field by field (the version included). */
    static void assertSameCluster(AACluster expected, AACluster actual) {
        assertEquals(expected.id(), actual.id());
        assertEquals(expected.runtime(), actual.runtime());
        assertEquals(expected.owner(), actual.owner());
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.createdAt(), actual.createdAt());
        assertEquals(expected.specs(), actual.specs());
        assertEquals(expected.status(), actual.status());
        assertEquals(expected.alerts(), actual.alerts());
        assertEquals(expected.instances(), actual.instances());
        assertEquals(expected.version(), actual.version());
    }
}
