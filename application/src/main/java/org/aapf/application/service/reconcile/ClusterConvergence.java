package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.aapf.application.service.reconcile.ConvergeResult.Next;
import org.aapf.application.service.reconcile.ConvergeResult.Sighting;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.AlertReasons;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;

/**
 * Brings one cluster's backend state towards its desired state, records what it observed on the cluster, and returns
 * what it did as a {@link ConvergeResult}. It keeps no timing state: whether a cluster may act (backoff) and whether a
 * failed instance is due for replacement it reads from a {@link RetryView}. Every step is idempotent, so repeating it
 * after a crash at any point is harmless. A failed instance (exited, out of memory, refused by the engine) is
 * replaced, removed and applied again, once its restart wait is over, unless the backend restarts it itself; until
 * then it is shown failed with the backend's alert.
 */
final class ClusterConvergence {

    /** The wait before the next look while a started Spark worker has not registered with its master yet. */
    static final Duration REGISTRATION_RECHECK = Duration.ofMillis(250);

    private static final System.Logger LOG = System.getLogger(ClusterConvergence.class.getName());

    private final ClusterBackend backend;
    private final RetryView retries;
    private final WorkerRegistration registration;
    private final InstanceApplier applier;
    private final Metrics metrics;
    private final SpecHashes hashes = new SpecHashes();

    ClusterConvergence(ClusterBackend backend, RetryView retries, SparkMasterMonitor monitor, Metrics metrics) {
        this.backend = backend;
        this.retries = retries;
        this.registration = new WorkerRegistration(backend, monitor);
        this.applier = new InstanceApplier(backend);
        this.metrics = metrics;
    }

    /** Ends a pass: forgets cached spec hashes of instances the pass did not meet. */
    void endPass() {
        hashes.endPass();
    }

    /** For a live cluster: records observed states, removes unwanted instances, applies missing or outdated ones. */
    ConvergeResult converge(AACluster cluster, List<ObservedInstance> observed, Catalogue catalogue, Instant now) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        Steps steps = new Steps();
        Map<InstanceRef, ObservedInstance> reported = new HashMap<>();
        observed.forEach(instance -> reported.put(instance.ref(), instance));
        Map<InstanceRef, ObservedInstance> actual = registration.gate(cluster, reported);
        if (!actual.equals(reported)) {
            steps.rescheduleAfter = Optional.of(REGISTRATION_RECHECK);
        }
        Map<InstanceRef, ObservedInstance> unwanted = new HashMap<>(actual);
        for (Instance instance : cluster.instances()) {
            InstanceRef ref = ref(cluster, instance);
            unwanted.remove(ref);
            Optional<ObservedInstance> seen = Optional.ofNullable(actual.get(ref));
            cluster.observe(instance.service(), instance.index(), PhaseMapping.toState(seen), now);
            steps.sightings.put(ref, sighting(seen));
        }
        if (!retries.mayAct(cluster.id(), now)) {
            return ConvergeResult.backingOff(steps.sightings, steps.rescheduleAfter);
        }
        removeUnwanted(unwanted.values(), steps);
        dropRetiredWorkspace(cluster, steps);
        boolean masterReady = sparkMasterReady(cluster, actual);
        List<Instance> toApply = new ArrayList<>();
        for (Instance instance : cluster.instances()) {
            Optional<ObservedInstance> seen = Optional.ofNullable(actual.get(ref(cluster, instance)));
            prepare(cluster, instance, seen, catalogue, masterReady, now, steps, toApply);
        }
        applyAll(cluster, toApply, catalogue, now, steps);
        return steps.result(false);
    }

    /**
     * For a cluster being deleted: removes everything it has on the backend, workspace included. The result is
     * complete when the backend held nothing of it before this pass and the removal succeeded: the row may go.
     */
    ConvergeResult dismantle(AACluster cluster, List<ObservedInstance> observed, Instant now) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        if (!retries.mayAct(cluster.id(), now)) {
            return ConvergeResult.backingOff(Map.of(), Optional.empty());
        }
        Steps steps = new Steps();
        dropRetiredWorkspace(cluster, steps);
        if (removeCluster(cluster.runtimeId(), steps)) {
            removeWorkspace(cluster.runtimeId(), steps);
        }
        return steps.emptied(observed);
    }

    /**
     * For a cluster stopping or stopped: removes every instance it still has on the backend and keeps its workspace. A
     * stopped cluster with nothing on the backend costs no backend call. The result is complete when the backend held
     * no instance of it before this pass and nothing failed: a stopping cluster is now stopped.
     */
    ConvergeResult park(AACluster cluster, List<ObservedInstance> observed, Instant now) {
        cluster.clearAlert(AlertReasons.BACKEND_UNREACHABLE);
        if (observed.isEmpty() && cluster.status() == ClusterStatus.STOPPED
                && cluster.retiredRuntimeId().isEmpty()) {
            return new Steps().result(true);
        }
        if (!retries.mayAct(cluster.id(), now)) {
            return ConvergeResult.backingOff(Map.of(), Optional.empty());
        }
        Steps steps = new Steps();
        dropRetiredWorkspace(cluster, steps);
        if (!observed.isEmpty() || cluster.status() == ClusterStatus.STOPPING) {
            removeCluster(cluster.runtimeId(), steps);
        }
        return steps.emptied(observed);
    }

    /**
     * Removes the instances and per-cluster resources of a cluster that has no row (labelled ours, unknown to the
     * database); empty while its backoff runs. Its workspace stays: a restored or foreign database must not cost a
     * user's files, so only an operator removes it ({@code aapf workspaces prune}).
     */
    Optional<ConvergeResult> removeOrphan(ClusterId cluster, Instant now) {
        if (!retries.mayAct(cluster, now)) {
            return Optional.empty();
        }
        LOG.log(System.Logger.Level.INFO, "Removing instances of unknown AACluster {0}", cluster);
        Steps steps = new Steps();
        removeCluster(cluster, steps);
        return Optional.of(steps.result(false));
    }

    private Sighting sighting(Optional<ObservedInstance> seen) {
        Optional<Phase> phase = seen.map(ObservedInstance::phase);
        if (phase.equals(Optional.of(Phase.FAILED))) {
            return seen.get().restartsItself() ? Sighting.OTHER : Sighting.FAILED;
        }
        return phase.equals(Optional.of(Phase.READY)) ? Sighting.READY : Sighting.OTHER;
    }

    private void removeUnwanted(Iterable<ObservedInstance> unwanted, Steps steps) {
        for (ObservedInstance instance : unwanted) {
            try {
                backend.remove(instance.ref());
                steps.removed++;
            } catch (AapfException e) {
                failed("remove", "remove " + instance.ref(), e, steps);
            }
        }
    }

    /**
     * Decides what one instance needs: nothing (it runs this spec: marked applied), a replacement (failed for good and
     * due: removed now, applied below), or an apply (missing or outdated: added to {@code toApply}). A Spark worker that
     * does not exist yet waits until its master is ready, so that it registers at its first attempt instead of waiting
     * out Spark's retry interval; the master's readiness wakes the reconciler.
     */
    private void prepare(AACluster cluster, Instance instance, Optional<ObservedInstance> seen, Catalogue catalogue,
            boolean masterReady, Instant now, Steps steps, List<Instance> toApply) {
        if (seen.isPresent() && seen.get().phase() == Phase.TERMINATING) {
            steps.progressing = true;
            return;
        }
        InstanceRef ref = ref(cluster, instance);
        if (steps.sightings.get(ref) == Sighting.FAILED && retries.restartDue(ref, now)) {
            if (!replaceFailed(cluster, instance, seen.orElseThrow(), steps, now)) {
                return;
            }
            seen = Optional.empty();
        }
        if (seen.isEmpty() && instance.service() == ServiceKind.SPARK_WORKER && !masterReady) {
            steps.progressing = true;
            return;
        }
        try {
            if (seen.isEmpty() || !hashes.matches(seen.get().specHash(), ref, cluster, instance, catalogue)) {
                toApply.add(instance);
            } else {
                cluster.markApplied(instance.service(), instance.index(), now);
            }
        } catch (AapfException e) {
            cluster.markApplyFailed(instance.service(), instance.index(), e.getMessage(), now);
            failed("apply", "apply " + instance.label() + " of " + cluster.id(), e, steps);
        }
    }

    /** Applies the instances together and records each outcome on the cluster, in the cluster's order. */
    private void applyAll(AACluster cluster, List<Instance> instances, Catalogue catalogue, Instant now, Steps steps) {
        List<Optional<AapfException>> outcomes = applier.applyAll(cluster, instances, catalogue);
        for (int i = 0; i < instances.size(); i++) {
            Instance instance = instances.get(i);
            Optional<AapfException> failure = outcomes.get(i);
            if (failure.isEmpty()) {
                steps.applied++;
                steps.progressing = true;
                cluster.markApplied(instance.service(), instance.index(), now);
            } else {
                cluster.markApplyFailed(instance.service(), instance.index(), failure.get().getMessage(), now);
                failed("apply", "apply " + instance.label() + " of " + cluster.id(), failure.get(), steps);
            }
        }
    }

    private static boolean sparkMasterReady(AACluster cluster, Map<InstanceRef, ObservedInstance> actual) {
        return cluster.instances().stream().filter(instance -> instance.service() == ServiceKind.SPARK_MASTER)
                .allMatch(master -> Optional.ofNullable(actual.get(ref(cluster, master)))
                        .filter(seen -> seen.phase() == Phase.READY).isPresent());
    }

    /** Removes the failed instance so that it is applied afresh, and records the restart on the cluster. */
    private boolean replaceFailed(AACluster cluster, Instance instance, ObservedInstance failed, Steps steps,
            Instant now) {
        try {
            backend.remove(failed.ref());
            steps.removed++;
        } catch (AapfException e) {
            return failed("remove", "remove failed " + failed.ref(), e, steps);
        }
        int restart = retries.restartsSoFar(failed.ref()) + 1;
        steps.replaced.add(failed.ref());
        LOG.log(System.Logger.Level.INFO, "Restarting failed instance {0} of AACluster {1} (restart {2}): {3}",
                instance.label(), cluster.id(), restart, failed.alerts());
        cluster.recordRestart(instance.service(), instance.index(), restart, now);
        return true;
    }

    /**
     * After a start on a warm instance took a copy of the workspace: removes the previous runtime's workspace (and
     * what was left of that runtime), then forgets it. The switch was stored before, so no file is lost.
     */
    private void dropRetiredWorkspace(AACluster cluster, Steps steps) {
        Optional<ClusterId> retired = cluster.retiredRuntimeId();
        if (retired.isPresent() && removeCluster(retired.get(), steps) && removeWorkspace(retired.get(), steps)) {
            LOG.log(System.Logger.Level.INFO, "Removed the workspace of AACluster {0}'s previous runtime {1}",
                    cluster.id(), retired.get());
            cluster.forgetRetiredRuntime();
        }
    }

    private boolean removeCluster(ClusterId cluster, Steps steps) {
        try {
            backend.removeCluster(cluster);
            steps.removed++;
            return true;
        } catch (AapfException e) {
            return failed("removeCluster", "remove AACluster " + cluster, e, steps);
        }
    }

    private boolean removeWorkspace(ClusterId cluster, Steps steps) {
        try {
            backend.removeWorkspace(cluster);
            return true;
        } catch (AapfException e) {
            return failed("removeWorkspace", "remove the workspace of AACluster " + cluster, e, steps);
        }
    }

    private boolean failed(String operation, String action, AapfException e, Steps steps) {
        LOG.log(System.Logger.Level.WARNING, "Backend could not " + action + ": " + e.getMessage(), e);
        metrics.backendCallFailed(operation, e.reason());
        steps.failures++;
        steps.failed = true;
        return false;
    }

    private static InstanceRef ref(AACluster cluster, Instance instance) {
        return new InstanceRef(cluster.runtimeId(), instance.service(), instance.index());
    }

    /** What one convergence did so far; becomes its {@link ConvergeResult}. */
    private static final class Steps {

        private final Map<InstanceRef, Sighting> sightings = new HashMap<>();
        private final List<InstanceRef> replaced = new ArrayList<>();
        private Optional<Duration> rescheduleAfter = Optional.empty();
        private int applied;
        private int removed;
        private int failures;
        private boolean failed;
        private boolean progressing;

        /** Removal of a cluster's resources ended: complete when nothing failed and the backend held nothing. */
        ConvergeResult emptied(List<ObservedInstance> observed) {
            progressing |= !observed.isEmpty();
            return result(!failed && observed.isEmpty());
        }

        ConvergeResult result(boolean complete) {
            Next next = failed ? Next.RETRY : progressing ? Next.PROGRESSING : Next.SETTLED;
            return new ConvergeResult(next, complete, applied, removed, failures, rescheduleAfter, sightings,
                    replaced);
        }
    }
}
