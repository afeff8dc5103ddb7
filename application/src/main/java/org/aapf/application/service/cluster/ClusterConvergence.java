package org.aapf.application.service.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.ServiceKind;
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
    /** The most instances of one cluster applied at the same time. */
    private static final int APPLY_CONCURRENCY = 4;

    private final ClusterBackend backend;
    private final Backoff<ClusterId> backoff;
    private final Restarts restarts;
    private final WorkerRegistration registration;
    private final Metrics metrics;
    private final SpecHashes hashes = new SpecHashes();
    private boolean registrationPending;

    ClusterConvergence(ClusterBackend backend, Backoff<ClusterId> backoff, Restarts restarts,
            SparkMasterMonitor monitor, Metrics metrics) {
        this.backend = backend;
        this.backoff = backoff;
        this.restarts = restarts;
        this.registration = new WorkerRegistration(backend, monitor);
        this.metrics = metrics;
    }

    /**
     * True when, since the last call, some Spark worker was up but not yet registered with its master: registration
     * follows within moments, so the next pass should come sooner than the busy interval.
     */
    boolean takeRegistrationPending() {
        boolean pending = registrationPending;
        registrationPending = false;
        return pending;
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
        registrationPending |= !actual.equals(reported);
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
        boolean masterReady = sparkMasterReady(cluster, actual);
        List<Instance> toApply = new ArrayList<>();
        for (Instance instance : cluster.instances()) {
            Optional<ObservedInstance> seen = Optional.ofNullable(actual.get(ref(cluster, instance)));
            ok &= prepare(cluster, instance, seen, catalogue, masterReady, now, tally, toApply);
        }
        ok &= applyAll(cluster, toApply, catalogue, now, tally);
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
        boolean ok = removeCluster(cluster.id(), tally) && removeWorkspace(cluster.id(), tally);
        settle(cluster.id(), ok, now, tally);
        tally.busy |= !(ok && observed.isEmpty());
        return ok && observed.isEmpty();
    }

    /**
     * For a cluster stopping or stopped: removes every instance it still has on the backend and keeps its workspace. A
     * stopped cluster with nothing on the backend costs no backend call.
     *
     * @return true when the backend held no instance of it before this pass and nothing failed, i.e. a stopping
     *     cluster is now stopped
     */
    boolean park(AACluster cluster, List<ObservedInstance> observed, Instant now, PassTally tally) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        if (observed.isEmpty() && cluster.status() == ClusterStatus.STOPPED) {
            return true;
        }
        if (!backoff.ready(cluster.id(), now)) {
            tally.busy = true;
            return false;
        }
        boolean ok = removeCluster(cluster.id(), tally);
        settle(cluster.id(), ok, now, tally);
        tally.busy |= !(ok && observed.isEmpty());
        return ok && observed.isEmpty();
    }

    /**
     * Removes the instances and per-cluster resources of a cluster that has no row (labelled ours, unknown to the
     * database). Its workspace stays: a restored or foreign database must not cost a user's files, so only an operator
     * removes it ({@code aapf workspaces prune}).
     */
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

    /**
     * Decides what one instance needs: nothing (it runs this spec: marked applied), a replacement (failed and due:
     * removed now, applied below), or an apply (missing or outdated: added to {@code toApply}). A Spark worker that does
     * not exist yet waits until its master is ready, so that it registers at its first attempt instead of waiting out
     * Spark's retry interval; the master's readiness wakes the reconciler.
     *
     * @return false when a backend call failed
     */
    private boolean prepare(AACluster cluster, Instance instance, Optional<ObservedInstance> seen, Catalogue catalogue,
            boolean masterReady, Instant now, PassTally tally, List<Instance> toApply) {
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
        if (seen.isEmpty() && instance.service() == ServiceKind.SPARK_WORKER && !masterReady) {
            tally.busy = true;
            return true;
        }
        try {
            if (seen.isEmpty() || !hashes.matches(seen.get().specHash(), ref, cluster, instance, catalogue)) {
                toApply.add(instance);
            } else {
                cluster.markApplied(instance.service(), instance.index(), now);
            }
            return true;
        } catch (AapfException e) {
            cluster.markApplyFailed(instance.service(), instance.index(), e.getMessage(), now);
            return failed("apply", "apply " + instance.label() + " of " + cluster.id(), e, tally);
        }
    }

    /**
     * Applies the instances, at most {@link #APPLY_CONCURRENCY} at a time: on Docker each create copies or unpacks the
     * image, so a cluster's instances start together rather than one after another. Outcomes are recorded on this
     * thread, in the cluster's order; an unexpected exception of any apply is rethrown after all have finished.
     *
     * @return false when an apply failed
     */
    private boolean applyAll(AACluster cluster, List<Instance> instances, Catalogue catalogue, Instant now,
            PassTally tally) {
        if (instances.isEmpty()) {
            return true;
        }
        List<Optional<AapfException>> outcomes = instances.size() == 1
                ? List.of(applyOne(cluster, instances.getFirst(), catalogue))
                : applyConcurrently(cluster, instances, catalogue);
        boolean ok = true;
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            Optional<AapfException> failure = outcomes.get(i);
            if (failure.isEmpty()) {
                tally.applied++;
                tally.busy = true;
                cluster.markApplied(instance.service(), instance.index(), now);
            } else {
                cluster.markApplyFailed(instance.service(), instance.index(), failure.get().getMessage(), now);
                ok = failed("apply", "apply " + instance.label() + " of " + cluster.id(), failure.get(), tally);
            }
        }
        return ok;
    }

    private List<Optional<AapfException>> applyConcurrently(AACluster cluster, List<Instance> instances,
            Catalogue catalogue) {
        int threads = Math.min(APPLY_CONCURRENCY, instances.size());
        try (ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofVirtual().name("aapf-apply-", 0)
                .factory())) {
            List<Future<Optional<AapfException>>> futures = instances.stream()
                    .map(instance -> pool.submit(() -> applyOne(cluster, instance, catalogue))).toList();
            List<Optional<AapfException>> outcomes = new ArrayList<>();
            RuntimeException unexpected = null;
            for (Future<Optional<AapfException>> future : futures) {
                try {
                    outcomes.add(future.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    unexpected = unexpected == null ? asRuntime(e.getCause()) : unexpected;
                    outcomes.add(Optional.empty());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while applying instances", e);
                }
            }
            if (unexpected != null) {
                throw unexpected;
            }
            return outcomes;
        }
    }

    private Optional<AapfException> applyOne(AACluster cluster, Instance instance, Catalogue catalogue) {
        try {
            backend.apply(DesiredInstances.of(cluster, instance, catalogue));
            return Optional.empty();
        } catch (AapfException e) {
            return Optional.of(e);
        }
    }

    private static RuntimeException asRuntime(Throwable cause) {
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static boolean sparkMasterReady(AACluster cluster, Map<InstanceRef, ObservedInstance> actual) {
        return cluster.instances().stream().filter(instance -> instance.service() == ServiceKind.SPARK_MASTER)
                .allMatch(master -> Optional.ofNullable(actual.get(ref(cluster, master)))
                        .filter(seen -> seen.phase() == Phase.READY).isPresent());
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

    private boolean removeWorkspace(ClusterId cluster, PassTally tally) {
        try {
            backend.removeWorkspace(cluster);
            return true;
        } catch (AapfException e) {
            return failed("removeWorkspace", "remove the workspace of AACluster " + cluster, e, tally);
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
