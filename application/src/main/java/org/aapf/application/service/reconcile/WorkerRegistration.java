package org.aapf.application.service.reconcile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;

/**
 * Holds Spark workers back from {@code ready} until they registered: a worker the backend reports ready (its web UI
 * answers) counts as ready only when the cluster's master is ready and lists it as alive. So a cluster becomes
 * {@code created} once the master reports every worker. Asks the master at most once per cluster and pass, and only
 * while some worker is waiting for that.
 */
final class WorkerRegistration {

    private final ClusterBackend backend;
    private final SparkMasterMonitor monitor;

    WorkerRegistration(ClusterBackend backend, SparkMasterMonitor monitor) {
        this.backend = backend;
        this.monitor = monitor;
    }

    /** The observed instances, with ready but unregistered workers shown as still starting. */
    Map<InstanceRef, ObservedInstance> gate(AACluster cluster, Map<InstanceRef, ObservedInstance> actual) {
        boolean workerReady = actual.values().stream().anyMatch(instance ->
                instance.ref().service() == ServiceKind.SPARK_WORKER && instance.phase() == Phase.READY);
        if (!workerReady) {
            return actual;
        }
        InstanceRef master = new InstanceRef(cluster.runtimeId(), ServiceKind.SPARK_MASTER, 1);
        boolean masterReady = Optional.ofNullable(actual.get(master)).map(ObservedInstance::phase)
                .filter(phase -> phase == Phase.READY).isPresent();
        Optional<Set<String>> alive = masterReady ? aliveWorkers(master) : Optional.of(Set.of());
        if (alive.isEmpty()) {
            return actual;
        }
        Map<InstanceRef, ObservedInstance> gated = new HashMap<>(actual);
        actual.forEach((ref, instance) -> {
            if (ref.service() == ServiceKind.SPARK_WORKER && instance.phase() == Phase.READY
                    && !alive.get().contains(DesiredInstances.hostname(ref.service(), ref.index()))) {
                gated.put(ref, new ObservedInstance(ref, instance.owner(), instance.specHash(), Phase.STARTING,
                        Optional.empty(), instance.alerts(), instance.since(), instance.restartsItself()));
            }
        });
        return gated;
    }

    private Optional<Set<String>> aliveWorkers(InstanceRef master) {
        Optional<Endpoint> endpoint;
        try {
            endpoint = backend.endpoint(master);
        } catch (AapfException e) {
            return Optional.empty();
        }
        return endpoint.flatMap(monitor::aliveWorkerHosts);
    }
}
