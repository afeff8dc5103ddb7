package org.aapf.application.service.cluster;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.AlertReasons;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.error.AapfException;

/**
 * Brings one cluster's backend state towards its desired state, and records what it observed on the cluster. Every
 * step is idempotent, so repeating it after a crash at any point is harmless. Backend failures are noted on the
 * cluster and retried after a per-cluster backoff. A failed instance (exited, out of memory, refused by the engine)
 * is replaced, removed and applied again, once its {@link Restarts} wait is over, unless the backend restarts it
 * itself; until then it is shown failed with the backend's alert.
 */
final class ClusterConvergence {

    private static final System.Logger LOG = System.getLogger(ClusterConvergence.class.getName());

    private final ClusterBackend backend;
    private final Backoff<ClusterId> backoff;
    private final Restarts restarts;
    private final WorkerRegistration registration;
    private final Metrics metrics;
    private final SpecHashes hashes = new SpecHashes();

    ClusterConvergence(ClusterBackend backend, Backoff<ClusterId> backoff, Restarts restarts,
            SparkMasterMonitor monitor, Metrics metrics) {
        this.backend = backend;
        this.backoff = backoff;
        this.restarts = restarts;
        this.registration = new WorkerRegistration(backend, monitor);
        this.metrics = metrics;
    }

    /** Ends a pass: forgets cached state of instances the pass did not meet. */
    void endPass() {
        hashes.endPass();
        restarts.endPass();
    }

    /** For a live cluster: records observed states, removes unwanted instances, applies missing or outdated ones. */
    void converge(AACluster cluster, List<ObservedInstance> observed, Catalogue catalogue, Instant now,
            PassTally tally) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        Map<InstanceRef, ObservedInstance> reported = new HashMap<>();
        observed.forEach(instance -> reported.put(instance.ref(), instance));
        Map<InstanceRef, ObservedInstance> actual = registration.gate(cluster, reported);
        Map<InstanceRef, ObservedInstance> unwanted = new HashMap<>(actual);
        for (Instance instance : cluster.instances()) {
            InstanceRef ref = ref(cluster, instance);
            unwanted.remove(ref);
            Optional<ObservedInstance> seen = Optional.ofNullable(actual.get(ref));
            cluster.observe(instance.service(), instance.index(), PhaseMapping.toState(seen), now);
            trackFailure(ref, seen, now);
        }
        if (!backoff.ready(cluster.id(), now)) {
            tally.busy = true;
            return;
        }
        boolean ok = removeUnwanted(unwanted.values(), tally);
        for (Instance instance : cluster.instances()) {
            Optional<ObservedInstance> seen = Optional.ofNullable(actual.get(ref(cluster, instance)));
            ok &= applyIfNeeded(cluster, instance, seen, catalogue, now, tally);
        }
        settle(cluster.id(), ok, now, tally);
    }

    /**
     * For a cluster being deleted: removes everything it has on the backend.
     *
     * @return true when the backend held nothing of it before this pass and the removal of its own resources
     *     succeeded, i.e. the cluster may disappear
     */
    boolean dismantle(AACluster cluster, List<ObservedInstance> observed, Instant now, PassTally tally) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        if (!backoff.ready(cluster.id(), now)) {
            tally.busy = true;
            return false;
        }
        boolean ok = removeCluster(cluster.id(), tally);
        settle(cluster.id(), ok, now, tally);
        tally.busy |= !(ok && observed.isEmpty());
        return ok && observed.isEmpty();
    }

    /** Removes everything of a cluster that has no row (labelled ours, unknown to the database). */
    void removeOrphan(ClusterId cluster, Instant now, PassTally tally) {
        if (backoff.ready(cluster, now)) {
            LOG.log(System.Logger.Level.INFO, "Removing instances of unknown AACluster {0}", cluster);
            settle(cluster, removeCluster(cluster, tally), now, tally);
        }
    }

    private boolean removeUnwanted(Iterable<ObservedInstance> unwanted, PassTally tally) {
        boolean ok = true;
        for (ObservedInstance instance : unwanted) {
            try {
                backend.remove(instance.ref());
                tally.removed++;
            } catch (AapfException e) {
                ok = failed("remove", "remove " + instance.ref(), e, tally);
            }
        }
        return ok;
    }

    private void trackFailure(InstanceRef ref, Optional<ObservedInstance> seen, Instant now) {
        Optional<Phase> phase = seen.map(ObservedInstance::phase);
        if (phase.equals(Optional.of(Phase.FAILED)) && !backend.restartsItself(ref)) {
            restarts.failed(ref, now);
        } else {
            restarts.notFailed(ref, phase.equals(Optional.of(Phase.READY)), now);
        }
    }

    private boolean applyIfNeeded(AACluster cluster, Instance instance, Optional<ObservedInstance> seen,
            Catalogue catalogue, Instant now, PassTally tally) {
        if (seen.isPresent() && seen.get().phase() == Phase.TERMINATING) {
            tally.busy = true;
            return true;
        }
        InstanceRef ref = ref(cluster, instance);
        if (seen.isPresent() && restarts.due(ref, now)) {
            if (!replaceFailed(cluster, instance, seen.get(), tally, now)) {
                return false;
            }
            seen = Optional.empty();
        }
        try {
            if (seen.isEmpty() || !seen.get().specHash().equals(hashes.of(ref, cluster, instance, catalogue))) {
                backend.apply(DesiredInstances.of(cluster, instance, catalogue));
                tally.applied++;
                tally.busy = true;
            }
            cluster.markApplied(instance.service(), instance.index(), now);
            return true;
        } catch (AapfException e) {
            cluster.markApplyFailed(instance.service(), instance.index(), e.getMessage(), now);
            return failed("apply", "apply " + instance.label() + " of " + cluster.id(), e, tally);
        }
    }

    /** Removes the failed instance so that it is applied afresh, and records the restart on the cluster. */
    private boolean replaceFailed(AACluster cluster, Instance instance, ObservedInstance failed, PassTally tally,
            Instant now) {
        try {
            backend.remove(failed.ref());
            tally.removed++;
        } catch (AapfException e) {
            return failed("remove", "remove failed " + failed.ref(), e, tally);
        }
        int restart = restarts.replaced(failed.ref());
        LOG.log(System.Logger.Level.INFO, "Restarting failed instance {0} of AACluster {1} (restart {2}): {3}",
                instance.label(), cluster.id(), restart, failed.alerts());
        cluster.recordRestart(instance.service(), instance.index(), restart, now);
        return true;
    }

    private boolean removeCluster(ClusterId cluster, PassTally tally) {
        try {
            backend.removeCluster(cluster);
            tally.removed++;
            return true;
        } catch (AapfException e) {
            return failed("removeCluster", "remove AACluster " + cluster, e, tally);
        }
    }

    private void settle(ClusterId cluster, boolean ok, Instant now, PassTally tally) {
        if (ok) {
            backoff.succeeded(cluster);
        } else {
            backoff.failed(cluster, now);
            tally.busy = true;
        }
    }

    private boolean failed(String operation, String action, AapfException e, PassTally tally) {
        LOG.log(System.Logger.Level.WARNING, "Backend could not " + action + ": " + e.getMessage(), e);
        metrics.backendCallFailed(operation, e.reason());
        tally.failures++;
        return false;
    }

    private static InstanceRef ref(AACluster cluster, Instance instance) {
        return new InstanceRef(cluster.id(), instance.service(), instance.index());
    }
}
