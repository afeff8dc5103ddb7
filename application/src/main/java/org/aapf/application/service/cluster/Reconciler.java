package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ReconcilerLease;
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
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;

/**
 * Makes the backend match the database, level-triggered: each pass reads every cluster (desired) and
 * {@link ClusterBackend#observe()} (actual), converges each cluster, removes what no row wants, and writes back only
 * the clusters whose state changed (then their events). Safe to run twice and after a crash at any line: every
 * backend call is idempotent and every save is compare-and-set on the cluster's version.
 *
 * <p>{@link #start()} runs passes on one daemon thread, woken by {@link #wake()} (API changes), backend watch hints
 * and a periodic resync. A pass acts only while this process holds the {@link ReconcilerLease}: every backend change,
 * every save and every cluster first makes sure the lease still holds, renewing it once a third of its ttl has
 * passed, and a pass that cannot be sure any more (it paused past its lease) stops before that write. Between passes
 * the same thread renews the lease every third of its ttl, or, standing by, tries to take it just after the holder's
 * lease lapses by the database's clock, and passes at once when it took it.
 */
@Singleton
public final class Reconciler implements ReconcileTrigger, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());
    private static final String OBSERVE = "observe";
    /** The wait before the next pass while a started Spark worker has not registered with its master yet. */
    private static final Duration REGISTRATION_RECHECK = Duration.ofMillis(250);

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final ClusterBackend backend;
    private final CatalogueSource catalogue;
    private final Clock clock;
    private final ReconcilerSettings settings;
    private final Backoff<ClusterId> backoff;
    private final Backoff<String> observeBackoff;
    private final Restarts restarts;
    private final ClusterConvergence convergence;
    private final WarmPoolKeeper pools;
    private final LeaseKeeper leaseKeeper;
    private final PendingSaves saves;
    private final BackendOutage outage;
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private volatile Optional<PassReport> lastPass = Optional.empty();
    private volatile Thread thread;
    private ClusterBackend.Watch watch;

    /** A reconciler that takes Spark workers' readiness from the backend and reports to no monitoring. */
    public Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings) {
        this(clusters, events, backend, catalogue, lease, clock, settings, masterUi -> Optional.empty(),
                Metrics.none());
    }

    /** A reconciler that counts a Spark worker ready once {@code sparkMasters} reports it registered. */
    public Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            SparkMasterMonitor sparkMasters) {
        this(clusters, events, backend, catalogue, lease, clock, settings, sparkMasters, Metrics.none());
    }

    /** A reconciler that reports to {@code metrics} and takes Spark workers' readiness from the backend. */
    public Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            Metrics metrics) {
        this(clusters, events, backend, catalogue, lease, clock, settings, masterUi -> Optional.empty(), metrics);
    }

    /** A reconciler without warm pools. */
    public Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            SparkMasterMonitor sparkMasters, Metrics metrics) {
        this(clusters, events, backend, catalogue, lease, clock, settings, sparkMasters, metrics,
                WarmInstanceRepository.none(), WarmPoolMetrics.none());
    }

    /** A reconciler that also keeps the catalogue's warm pools filled from {@code warm}. */
    @Inject
    public Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            SparkMasterMonitor sparkMasters, Metrics metrics, WarmInstanceRepository warm,
            WarmPoolMetrics poolMetrics) {
        this(clusters, events, backend, catalogue, lease, clock, settings, sparkMasters, metrics, System::nanoTime,
                warm, poolMetrics);
    }

    /** A reconciler that times its lease by {@code nanoTime} (a monotonic clock, like {@link System#nanoTime()}). */
    Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            SparkMasterMonitor sparkMasters, Metrics metrics, LongSupplier nanoTime) {
        this(clusters, events, backend, catalogue, lease, clock, settings, sparkMasters, metrics, nanoTime,
                WarmInstanceRepository.none(), WarmPoolMetrics.none());
    }

    private Reconciler(ClusterRepository clusters, ClusterEventRepository events, ClusterBackend backend,
            CatalogueSource catalogue, ReconcilerLease lease, Clock clock, ReconcilerSettings settings,
            SparkMasterMonitor sparkMasters, Metrics metrics, LongSupplier nanoTime, WarmInstanceRepository warm,
            WarmPoolMetrics poolMetrics) {
        this.clusters = clusters;
        this.events = events;
        this.backend = backend;
        this.catalogue = catalogue;
        this.clock = clock;
        this.settings = settings;
        this.backoff = new Backoff<>(settings.backoffBase(), settings.backoffMax());
        this.observeBackoff = new Backoff<>(settings.backoffBase(), settings.backoffMax());
        this.restarts = new Restarts(settings.restartDelay(), settings.backoffMax());
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.leaseKeeper = new LeaseKeeper(lease, settings.holderId(), settings.leaseTtl(), nanoTime);
        this.saves = new PendingSaves(clusters, events, leaseKeeper);
        this.outage = new BackendOutage(backend.name(), settings.backoffMax());
        LeaseGuardedBackend guarded = new LeaseGuardedBackend(backend, leaseKeeper);
        this.convergence = new ClusterConvergence(guarded, backoff, restarts, sparkMasters, metrics);
        this.pools = new WarmPoolKeeper(warm, guarded, poolMetrics, leaseKeeper::check, settings);
    }

    /** True while the reconcile loop runs (between {@link #start()} and {@link #close()}, unless it died). */
    public boolean isRunning() {
        Thread current = thread;
        return running && current != null && current.isAlive();
    }

    /** What the latest pass did; empty before the first one. */
    public Optional<PassReport> lastPass() {
        return lastPass;
    }

    /** Starts the reconcile loop on a daemon thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("reconciler already started");
        }
        running = true;
        thread = Thread.ofPlatform().name("aapf-reconciler").daemon().start(this::loop);
    }

    /** Stops the loop, waits for the current pass, stops the watch and gives up the lease. */
    @Override
    public void close() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = thread;
            thread = null;
        }
        wake();
        if (stopping != null) {
            try {
                stopping.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopWatch();
        releaseLease();
    }

    @Override
    public void wake() {
        signal.wake();
    }

    /** One full pass; does nothing but report so when another reconciler holds the lease. */
    public synchronized PassReport reconcileOnce() {
        long started = System.nanoTime();
        PassReport report = guardedPass();
        lastPass = Optional.of(report);
        metrics.reconcilePass(new Metrics.ReconcilePass(Duration.ofNanos(System.nanoTime() - started),
                report.leader(), report.backendReachable(), report.applied(), report.removed(), report.saved(),
                report.deleted(), report.failures()));
        return report;
    }

    /** A pass that stops before any write it could no longer make as the lease holder; the next pass starts over. */
    private PassReport guardedPass() {
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
        if (!leaseKeeper.hold(this::forgetBackoffs)) {
            return PassReport.notLeader();
        }
        if (!observeBackoff.ready(OBSERVE, now)) {
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
        observeBackoff.succeeded(OBSERVE);
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
            List<ObservedInstance> observed = Optional.ofNullable(byCluster.remove(cluster.id())).orElse(List.of());
            tally.clusters++;
            convergeOne(cluster, observed, current, now, tally);
        }
        saves.flush(tally);
        pools.keep(desired, byCluster, current, now, tally);
        byCluster.keySet().forEach(orphan -> convergence.removeOrphan(orphan, now, tally));
        convergence.endPass();
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
            if (cluster.isDeleting()) {
                if (convergence.dismantle(cluster, observed, now, tally)) {
                    cluster.completeDeletion(now);
                    finishDeletion(cluster, tally);
                    return;
                }
            } else if (cluster.isParked()) {
                if (convergence.park(cluster, observed, now, tally) && cluster.status() == ClusterStatus.STOPPING) {
                    cluster.completeStop(now);
                }
            } else {
                convergence.converge(cluster, observed, current, now, tally);
            }
            if (before == ClusterStatus.CREATING && cluster.status() == ClusterStatus.CREATED) {
                metrics.clusterReady(Duration.between(cluster.createdAt(), now));
            }
            save(cluster, tally);
        } catch (LeaseLapsedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "Reconciling AACluster " + cluster.id() + " failed", e);
            backoff.failed(cluster.id(), now);
            tally.failures++;
            tally.busy = true;
        }
    }

    private void save(AACluster cluster, PassTally tally) {
        tally.busy |= cluster.status() == ClusterStatus.CREATING || cluster.status() == ClusterStatus.STOPPING
                || cluster.isDeleting();
        if (cluster.hasChanges()) {
            saves.add(cluster, tally);
        }
    }

    private void finishDeletion(AACluster cluster, PassTally tally) {
        leaseKeeper.check();
        if (clusters.delete(cluster)) {
            events.append(cluster.pullEvents());
            backoff.succeeded(cluster.id());
            tally.deleted++;
        } else {
            tally.busy = true;
        }
    }

    private PassReport backendDown(List<AACluster> desired, AapfException e, Instant now) {
        outage.failed(e, now, observeBackoff.failed(OBSERVE, now));
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
        saves.flush(tally);
        return PassReport.backendDown(tally.saved);
    }

    private void forgetBackoffs() {
        backoff.clear();
        observeBackoff.clear();
        restarts.clear();
    }

    private synchronized void releaseLease() {
        leaseKeeper.release();
    }

    private void loop() {
        while (running) {
            Duration wait;
            try {
                startWatch();
                wait = nextWait(reconcileOnce());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, "Reconcile pass failed", e);
                wait = settings.busyInterval();
            }
            awaitNextPass(wait);
        }
    }

    /**
     * Sleeps until {@code wait} has passed or a wake-up comes, touching the lease whenever it falls due in between;
     * returns early when that took a new epoch, so that a standby that took over passes at once.
     */
    private void awaitNextPass(Duration wait) {
        long passAt = nanoTime.getAsLong() + wait.toNanos();
        while (running) {
            long untilPass = Math.max(0, passAt - nanoTime.getAsLong());
            Duration untilLease = leaseKeeper.untilDue();
            if (untilPass <= untilLease.toNanos()) {
                awaitWake(Duration.ofNanos(untilPass));
                return;
            }
            if (awaitWake(untilLease) || keepLease()) {
                return;
            }
        }
    }

    /** Renews the lease, or tries to take it; true when this began a new epoch. */
    private synchronized boolean keepLease() {
        boolean[] newEpoch = {false};
        try {
            leaseKeeper.hold(() -> {
                forgetBackoffs();
                newEpoch[0] = true;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot renew or take the reconciler lease: " + e.getMessage());
        }
        return newEpoch[0];
    }

    private Duration nextWait(PassReport report) {
        Duration wait = report.busy() ? settings.busyInterval() : settings.resyncInterval();
        if (convergence.takeRegistrationPending() && REGISTRATION_RECHECK.compareTo(wait) < 0) {
            wait = REGISTRATION_RECHECK;
        }
        Optional<Instant> restart = restarts.nextDue(clock.instant());
        for (Optional<Instant> retry : List.of(backoff.nextRetry(), observeBackoff.nextRetry(), restart)) {
            if (retry.isPresent()) {
                Duration untilRetry = Duration.between(clock.instant(), retry.get());
                wait = untilRetry.compareTo(wait) < 0 ? untilRetry : wait;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Sleeps until woken or {@code max} passed; true when woken. */
    private boolean awaitWake(Duration max) {
        try {
            return signal.await(max);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return true;
        }
    }

    private void startWatch() {
        if (watch == null) {
            try {
                watch = backend.watch(ref -> wake());
            } catch (AapfException e) {
                metrics.backendCallFailed("watch", e.reason());
                LOG.log(outage.isUnreachable() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        "Cannot watch backend " + backend.name() + "; relying on resync: " + e.getMessage());
            }
        }
    }

    private void stopWatch() {
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }
}
