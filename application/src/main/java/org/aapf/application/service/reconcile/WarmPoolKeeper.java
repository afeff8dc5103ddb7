package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.application.port.out.WarmPoolMetrics.PoolCensus;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;

/**
 * Keeps the catalogue's warm pools filled, once per reconcile pass, level-triggered like the rest of the pass. A warm
 * instance is recorded before the backend starts it, under a fresh cluster id, proxy id and token, so it is an
 * ordinary notebook of a cluster that has no row yet: its network and workspace are its own from the start. The
 * keeper notes when it is ready (then creates may claim it), removes what is broken, outdated, surplus or no longer
 * configured, and finishes each claim: once the claiming cluster's row exists it tells the backend the new owner and
 * forgets the warm record; a claim whose cluster never appeared (the claiming server crashed) is removed after
 * {@link #claimGrace}. A warm instance is handed out once, never returned to its pool.
 */
final class WarmPoolKeeper {

    private static final System.Logger LOG = System.getLogger(WarmPoolKeeper.class.getName());
    /** How many lease ttls a claimed instance waits for its cluster's row before it counts as leaked. */
    private static final int CLAIM_GRACE_LEASES = 6;
    /** The most new warm instances one pool starts in one pass: the pass has clusters to serve too. */
    private static final int STARTS_PER_PASS = 2;
    private static final ClusterName WARM_NAME = new ClusterName("warm-pool-instance");

    private final WarmInstanceRepository warm;
    private final ClusterBackend backend;
    private final WarmPoolMetrics metrics;
    private final Runnable leaseCheck;
    private final Backoff<String> backoff;
    private final Duration claimGrace;

    /**
     * @param backend the lease-guarded backend
     * @param leaseCheck throws {@link LeaseLapsedException} when this process may no longer write
     */
    WarmPoolKeeper(WarmInstanceRepository warm, ClusterBackend backend, WarmPoolMetrics metrics, Runnable leaseCheck,
            ReconcilerSettings settings) {
        this.warm = warm;
        this.backend = backend;
        this.metrics = metrics;
        this.leaseCheck = leaseCheck;
        this.backoff = new Backoff<>(settings.backoffBase(), settings.backoffMax());
        this.claimGrace = claimGrace(settings);
    }

    /**
     * How long a claimed instance waits for its cluster's row: six lease ttls (a minute by default), far beyond the
     * milliseconds between a claim and its row, and beyond a paused server that the lease would already replace.
     */
    static Duration claimGrace(ReconcilerSettings settings) {
        return settings.leaseTtl().multipliedBy(CLAIM_GRACE_LEASES);
    }

    /**
     * One pass: settles claims, tends every warm instance and fills or trims every pool. Takes the backend instances
     * of warm instances out of {@code unowned} (the instances of clusters without a row), so that the reconciler does
     * not remove them as orphans.
     */
    void keep(List<AACluster> desired, Map<ClusterId, List<ObservedInstance>> unowned, Catalogue catalogue,
            Instant now, PassTally tally) {
        List<WarmInstance> records = warm.listAll();
        Map<String, Fill> fills = new LinkedHashMap<>();
        catalogue.pools().forEach(pool -> fills.put(pool.key(), new Fill(pool)));
        if (records.isEmpty() && fills.values().stream().allMatch(fill -> fill.pool.size() == 0)) {
            metrics.pools(census(fills));
            return;
        }
        Map<ClusterId, AACluster> clusters = new HashMap<>();
        desired.forEach(cluster -> clusters.put(cluster.runtimeId(), cluster));
        for (WarmInstance instance : records) {
            List<ObservedInstance> observed = Optional.ofNullable(unowned.remove(instance.id())).orElse(List.of());
            try {
                if (instance.state() == WarmInstance.State.CLAIMED) {
                    settleClaim(instance, Optional.ofNullable(clusters.get(instance.id())), fills, now, tally);
                } else {
                    tend(instance, observed, fills.get(instance.pool()), catalogue, now, tally);
                }
            } catch (AapfException e) {
                failed(instance.pool(), "tend warm instance " + instance.id(), e, now, tally);
            }
        }
        for (Fill fill : fills.values()) {
            try {
                trimOrFill(fill, catalogue, now, tally);
            } catch (AapfException e) {
                failed(fill.pool.key(), "fill pool " + fill.pool.key(), e, now, tally);
            }
        }
        metrics.pools(census(fills));
    }

    /** The backend instance a warm instance runs as: its notebook, under the pool's owner. */
    static DesiredInstance desiredOf(WarmInstance instance, Catalogue catalogue) {
        Map<ServiceKind, ServiceSpec> specs = Map.of(ServiceKind.JUPYTER_NOTEBOOK,
                new ServiceSpec(instance.image(), instance.perfType(), 1));
        Instance notebook = new Instance(ServiceKind.JUPYTER_NOTEBOOK, 1, InstanceStatus.CREATING, Optional.empty(),
                instance.createdAt(), instance.createdAt(), List.of(), Optional.of(instance.access()));
        AACluster shape = AACluster.restore(instance.id(), WarmInstance.POOL_OWNER, WARM_NAME, instance.createdAt(),
                specs, List.of(notebook), ClusterStatus.CREATING, List.of(), 0);
        return DesiredInstances.of(shape, notebook, catalogue);
    }

    private void settleClaim(WarmInstance instance, Optional<AACluster> cluster, Map<String, Fill> fills,
            Instant now, PassTally tally) {
        if (cluster.isPresent()) {
            backend.adopt(instance.id(), cluster.get().owner());
            leaseCheck.run();
            warm.remove(instance.id());
        } else if (instance.claimedAt().orElseThrow().plus(claimGrace).isBefore(now)) {
            LOG.log(System.Logger.Level.WARNING, "Removing warm instance {0} of pool {1}: claimed at {2}, but no"
                    + " AACluster took it over", instance.id(), instance.pool(), instance.claimedAt().get());
            discard(instance, tally);
        } else {
            Optional.ofNullable(fills.get(instance.pool())).ifPresent(fill -> fill.claimed++);
            tally.busy = true;
        }
    }

    private void tend(WarmInstance instance, List<ObservedInstance> observed, Fill fill, Catalogue catalogue,
            Instant now, PassTally tally) {
        if (fill == null || fill.pool.size() == 0) {
            retire(instance, "its pool is no longer configured", now, tally);
            return;
        }
        DesiredInstance desired;
        try {
            desired = desiredOf(instance, catalogue);
        } catch (AapfException e) {
            retire(instance, e.getMessage(), now, tally);
            return;
        }
        Optional<ObservedInstance> seen = observed.stream()
                .filter(one -> one.ref().equals(desired.ref())).findFirst();
        boolean wasReady = instance.state() == WarmInstance.State.READY;
        if (seen.isEmpty() && !wasReady) {
            backend.apply(desired);
            tally.applied++;
            tally.busy = true;
            fill.starting.add(instance);
        } else if (seen.isEmpty() || !seen.get().specHash().equals(desired.specHash())) {
            retire(instance, seen.isEmpty() ? "it is gone from the backend" : "the catalogue changed", now, tally);
        } else if (seen.get().phase() == Phase.READY) {
            if (!wasReady) {
                leaseCheck.run();
                warm.markReady(instance.id(), now);
                metrics.refilled(instance.pool(), Duration.between(instance.createdAt(), now));
                backoff.succeeded(instance.pool());
            }
            fill.ready.add(instance);
        } else if (seen.get().phase() == Phase.FAILED || wasReady) {
            backoff.failed(instance.pool(), now);
            retire(instance, "it " + (wasReady ? "is no longer ready" : "failed") + ": " + seen.get().alerts(), now,
                    tally);
        } else {
            fill.starting.add(instance);
            tally.busy = true;
        }
    }

    private void trimOrFill(Fill fill, Catalogue catalogue, Instant now, PassTally tally) {
        List<WarmInstance> live = new ArrayList<>(fill.starting.reversed());
        live.addAll(fill.ready.reversed());
        int excess = live.size() - fill.pool.size();
        for (int i = 0; i < excess; i++) {
            retire(live.get(i), "its pool is smaller now", now, tally);
        }
        if (excess >= 0 || !backoff.ready(fill.pool.key(), now)) {
            tally.busy |= excess < 0;
            return;
        }
        int starts = Math.min(-excess, STARTS_PER_PASS);
        for (int i = 0; i < starts; i++) {
            WarmInstance instance = WarmInstance.starting(fill.pool.key(), fill.pool.imageRepositoryName(),
                    fill.pool.perfTypeName(), now);
            DesiredInstance desired = desiredOf(instance, catalogue);
            leaseCheck.run();
            warm.add(instance);
            fill.starting.add(instance);
            backend.apply(desired);
            tally.applied++;
            tally.busy = true;
        }
    }

    /** Takes an unclaimed instance out of its pool for good (unless a create claimed it first), then removes it. */
    private void retire(WarmInstance instance, String why, Instant now, PassTally tally) {
        leaseCheck.run();
        if (warm.retire(instance.id(), now)) {
            LOG.log(System.Logger.Level.INFO, "Removing warm instance {0} of pool {1}: {2}", instance.id(),
                    instance.pool(), why);
            discard(instance, tally);
        }
    }

    private void discard(WarmInstance instance, PassTally tally) {
        backend.removeCluster(instance.id());
        backend.removeWorkspace(instance.id());
        leaseCheck.run();
        warm.remove(instance.id());
        tally.removed++;
    }

    private void failed(String pool, String action, AapfException e, Instant now, PassTally tally) {
        LOG.log(System.Logger.Level.WARNING, "Could not " + action + ": " + e.getMessage(), e);
        backoff.failed(pool, now);
        tally.failures++;
        tally.busy = true;
    }

    private static List<PoolCensus> census(Map<String, Fill> fills) {
        return fills.values().stream().map(fill -> new PoolCensus(fill.pool.key(), fill.pool.size(),
                fill.ready.size(), fill.starting.size(), fill.claimed)).toList();
    }

    /** What one pool holds in this pass. */
    private static final class Fill {
        final WarmPool pool;
        final List<WarmInstance> ready = new ArrayList<>();
        final List<WarmInstance> starting = new ArrayList<>();
        int claimed;

        Fill(WarmPool pool) {
            this.pool = pool;
        }
    }
}
