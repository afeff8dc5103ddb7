package org.aapf.application.service.reconcile;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.Metrics;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.port.out.SparkMasterMonitor;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.error.AapfException;

/**
 * Makes the backend match the database, level-triggered: each {@link ReconcilePass} reads every cluster (desired) and
 * {@link ClusterBackend#observe()} (actual), converges each cluster, removes what no row wants, and writes back only
 * the clusters whose state changed (then their events); the {@link RetrySchedule} says when the next pass comes. Safe to run twice and after a crash at any line: every
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

    private final ClusterBackend backend;
    private final ReconcilerSettings settings;
    private final RetrySchedule schedule;
    private final LeaseKeeper leaseKeeper;
    private final ReconcilePass pass;
    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final WakeSignal signal = new WakeSignal();
    private volatile boolean running;
    private volatile Optional<PassReport> lastPass = Optional.empty();
    private volatile Thread thread;
    private ClusterBackend.Watch watch;

    /** A reconciler that counts a Spark worker ready once {@code sparkMasters} reports it registered; no warm pools. */
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
            SparkMasterMonitor sparkMasters, Metrics metrics, LongSupplier nanoTime, WarmInstanceRepository warm,
            WarmPoolMetrics poolMetrics) {
        this.backend = backend;
        this.settings = settings;
        this.schedule = new RetrySchedule(settings, clock);
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.leaseKeeper = new LeaseKeeper(lease, settings.holderId(), settings.leaseTtl(), nanoTime);
        this.pass = new ReconcilePass(clusters, events, backend, catalogue, clock, settings, schedule, leaseKeeper,
                sparkMasters, metrics, warm, poolMetrics);
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

    /**
     * Another server stored a change ({@link org.aapf.application.port.out.ServerSignals}): passes soon while this
     * process holds the lease; a standby ignores it (it would only ask the database for the lease again).
     */
    public void peerChanged() {
        if (leaseKeeper.holds()) {
            signal.wake();
        }
    }

    /** One full pass; does nothing but report so when another reconciler holds the lease. */
    public synchronized PassReport reconcileOnce() {
        long started = System.nanoTime();
        PassReport report = pass.run();
        lastPass = Optional.of(report);
        metrics.reconcilePass(new Metrics.ReconcilePass(Duration.ofNanos(System.nanoTime() - started),
                report.leader(), report.backendReachable(), report.applied(), report.removed(), report.saved(),
                report.deleted(), report.failures()));
        return report;
    }

    private synchronized void releaseLease() {
        leaseKeeper.release();
    }

    private void loop() {
        while (running) {
            Duration wait;
            try {
                startWatch();
                wait = nextWait(reconcileOnce().busy());
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
                schedule.clear();
                newEpoch[0] = true;
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot renew or take the reconciler lease: " + e.getMessage());
        }
        return newEpoch[0];
    }

    private synchronized Duration nextWait(boolean busy) {
        return schedule.untilNextPass(busy);
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
                LOG.log(pass.backendUnreachable() ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
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
