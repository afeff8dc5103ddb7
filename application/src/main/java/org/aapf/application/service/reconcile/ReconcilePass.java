package org.aapf.application.service.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.AlertReasons;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.common.Timestamps;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/**
 * One reconcile pass: reads every cluster (desired) and {@link ClusterBackend#observe()} (actual), converges each
 * cluster and records what its {@link ConvergeResult} says in the {@link RetrySchedule}, removes what no row wants,
 * and writes back only the clusters whose state changed (then their events). A pass acts only while the lease holds;
 * one that can no longer be sure of it stops before its next write, and the next pass starts over.
 */
final class ReconcilePass {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final ClusterBackend backend;
    private final CatalogueSource catalogue;
    private final Clock clock;
    private final RetrySchedule schedule;
    private final LeaseKeeper leaseKeeper;
    private final ClusterConvergence convergence;
    private final PendingSaves saves;
    private final BackendOutage outage;
    private final Metrics metrics;
    private final WarmPoolKeeper pools;

    ReconcilePass(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, Clock clock, ReconcilerSettings settings, RetrySchedule schedule,
            LeaseKeeper leaseKeeper, SparkMasterMonitor sparkMasters, Metrics metrics, WarmInstanceRepository warm,
            WarmPoolMetrics poolMetrics) {
        this.clusters = clusters;
        this.events = events;
        this.backend = backend;
        this.catalogue = catalogue;
        this.clock = clock;
        this.schedule = schedule;
        this.leaseKeeper = leaseKeeper;
        this.metrics = metrics;
        this.saves = new PendingSaves(clusters, events, leaseKeeper);
        this.outage = new BackendOutage(backend.name(), settings.backoffMax());
        LeaseGuardedBackend guarded = new LeaseGuardedBackend(backend, leaseKeeper);
        this.convergence = new ClusterConvergence(guarded, schedule, sparkMasters, metrics);
        this.pools = new WarmPoolKeeper(warm, guarded, poolMetrics, leaseKeeper::check, settings);
    }

    /** True while the backend cannot be observed (the last observation failed). */
    boolean backendUnreachable() {
        return outage.isUnreachable();
    }

    /** Runs the pass; reports that another reconciler holds the lease, or that it lapsed during the pass. */
    PassReport run() {
        try {
            return pass();
        } catch (LeaseLapsedException e) {
            LOG.log(System.Logger.Level.WARNING, "Reconcile pass stopped before its next write: " + e.getMessage());
            return PassReport.leaseLapsed();
        } finally {
            saves.discard();
        }
    }

    private PassReport pass() {
        Instant now = Timestamps.now(clock);
        if (!leaseKeeper.hold(schedule::clear)) {
            return PassReport.notLeader();
        }
        if (!schedule.mayObserve(now)) {
            return PassReport.backendDown(0);
        }
        List<AACluster> desired = clusters.listAll();
        List<ObservedInstance> actual;
        try {
            actual = backend.observe();
        } catch (AapfException e) {
            metrics.backendCallFailed("observe", e.reason());
            return backendDown(desired, e, now);
        }
        schedule.observeSucceeded();
        outage.succeeded(now);
        return converge(desired, actual, catalogue.current(), now);
    }

    private PassReport converge(List<AACluster> desired, List<ObservedInstance> actual, Catalogue current,
            Instant now) {
        PassTally tally = new PassTally();
        Map<ClusterId, List<ObservedInstance>> byCluster = new HashMap<>();
        actual.forEach(instance -> byCluster.computeIfAbsent(instance.ref().cluster(), id -> new ArrayList<>())
                .add(instance));
        for (AACluster cluster : desired) {
            leaseKeeper.check();
            List<ObservedInstance> observed = Optional.ofNullable(byCluster.remove(cluster.runtimeId()))
                    .orElse(List.of());
            tally.clusters++;
            convergeOne(cluster, observed, current, now, tally);
        }
        tally.add(saves.flush());
        pools.keep(desired, byCluster, current, now, tally);
        for (ClusterId orphan : byCluster.keySet()) {
            convergence.removeOrphan(orphan, now).ifPresent(result -> {
                schedule.record(orphan, result, now);
                tally.add(result);
            });
        }
        convergence.endPass();
        schedule.endPass();
        reportCensus(desired);
        return tally.report(true);
    }

    private void reportCensus(List<AACluster> desired) {
        Map<ClusterStatus, Integer> byStatus = new EnumMap<>(ClusterStatus.class);
        Map<InstanceStatus, Integer> instancesByStatus = new EnumMap<>(InstanceStatus.class);
        for (AACluster cluster : desired) {
            byStatus.merge(cluster.status(), 1, Integer::sum);
            for (Instance instance : cluster.instances()) {
                instancesByStatus.merge(instance.status(), 1, Integer::sum);
            }
        }
        metrics.census(byStatus, instancesByStatus);
    }

    private void convergeOne(AACluster cluster, List<ObservedInstance> observed, Catalogue current, Instant now,
            PassTally tally) {
        ClusterStatus before = cluster.status();
        try {
            ConvergeResult result = decide(cluster, observed, current, now);
            schedule.record(cluster.id(), result, now);
            tally.add(result);
            if (cluster.isDeleting() && result.complete()) {
                cluster.completeDeletion(now);
                finishDeletion(cluster, tally);
                return;
            }
            if (cluster.isParked() && result.complete() && cluster.status() == ClusterStatus.STOPPING) {
                cluster.completeStop(now);
            }
            if (before == ClusterStatus.CREATING && cluster.status() == ClusterStatus.CREATED) {
                metrics.clusterReady(Duration.between(cluster.createdAt(), now));
            }
            save(cluster, tally);
        } catch (LeaseLapsedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Reconciling AACluster " + cluster.id() + " failed", e);
            schedule.crashed(cluster.id(), now);
            tally.failures++;
            tally.busy = true;
        }
    }

    private ConvergeResult decide(AACluster cluster, List<ObservedInstance> observed, Catalogue current,
            Instant now) {
        if (cluster.isDeleting()) {
            return convergence.dismantle(cluster, observed, now);
        }
        if (cluster.isParked()) {
            return convergence.park(cluster, observed, now);
        }
        return convergence.converge(cluster, observed, current, now);
    }

    private void save(AACluster cluster, PassTally tally) {
        tally.busy |= cluster.status() == ClusterStatus.CREATING || cluster.status() == ClusterStatus.STOPPING
                || cluster.isDeleting();
        if (cluster.hasChanges()) {
            tally.add(saves.add(cluster));
        }
    }

    private void finishDeletion(AACluster cluster, PassTally tally) {
        leaseKeeper.check();
        if (clusters.delete(cluster)) {
            events.append(cluster.pullEvents());
            tally.deleted++;
        } else {
            tally.busy = true;
        }
    }

    private PassReport backendDown(List<AACluster> desired, AapfException e, Instant now) {
        outage.failed(e, now, schedule.observeFailed(now));
        Alert alert = new Alert(Alert.Level.ERROR, AlertReasons.BACKEND_UNREACHABLE,
                e.reason() == ErrorReason.UNAVAILABLE
                        ? "The cluster backend cannot be reached; the state shown may be out of date."
                        : "The cluster backend reports an error; the state shown may be out of date.",
                now);
        PassTally tally = new PassTally();
        for (AACluster cluster : desired) {
            cluster.raiseAlert(alert);
            save(cluster, tally);
        }
        tally.add(saves.flush());
        return PassReport.backendDown(tally.saved);
    }
}
