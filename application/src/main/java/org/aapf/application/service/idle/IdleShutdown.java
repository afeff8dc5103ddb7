package org.aapf.application.service.idle;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase.StopClusterCommand;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.application.service.reconcile.PassReport;
import org.aapf.application.service.reconcile.Reconciler;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterEvent;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.error.AapfException;

/**
 * Stops notebook clusters that nobody uses, and those past their maximum lifetime, through the owner's own stop use
 * case (the workspace is kept), after an {@code idle} event that says why; another {@code idle} event warns a few
 * minutes before. Runs on its own daemon thread every {@link IdleSettings#checkInterval()}, and acts only in the
 * process whose reconciler holds the lease, so that replicas do not warn twice. What it has seen is kept in memory:
 * after a restart or a change of leader each running notebook's idle clock starts again, never earlier.
 */
@Singleton
public final class IdleShutdown implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(IdleShutdown.class.getName());
    static final String ACTION = "cluster.stop.idle";
    static final String LIFETIME_ACTION = "cluster.stop.lifetime";

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final UserRepository users;
    private final ClusterActivity activity;
    private final NotebookActivityTracker requests;
    private final StopClusterUseCase stop;
    private final AuditLog audit;
    private final Reconciler reconciler;
    private final IdleSettings settings;
    private final IdlePolicy policy;
    private final Clock clock;
    private final Map<ClusterId, Watch> watched = new HashMap<>();
    private ScheduledExecutorService scheduler;

    /** What this process knows of one running notebook. */
    private record Watch(Instant lastActivity, boolean warned) {
    }

    /** What one sweep did. */
    public record Sweep(int watched, List<ClusterId> warned, List<ClusterId> stopped) {
    }

    @Inject
    public IdleShutdown(ClusterRepository clusters, ClusterEventRepository events, UserRepository users,
            ClusterActivity activity, NotebookActivityTracker requests, StopClusterUseCase stop, AuditLog audit,
            Reconciler reconciler, IdleSettings settings, Clock clock) {
        this.clusters = clusters;
        this.events = events;
        this.users = users;
        this.activity = activity;
        this.requests = requests;
        this.stop = stop;
        this.audit = audit;
        this.reconciler = reconciler;
        this.settings = settings;
        this.policy = new IdlePolicy(settings);
        this.clock = clock;
    }

    /** Checks every running notebook cluster once, if this process leads. */
    public synchronized Sweep sweepOnce() {
        if (!settings.anythingToDo() || !reconciler.lastPass().map(PassReport::leader).orElse(false)) {
            watched.clear();
            return new Sweep(0, List.of(), List.of());
        }
        List<ClusterId> warned = new ArrayList<>();
        List<ClusterId> stopped = new ArrayList<>();
        Set<ClusterId> running = new HashSet<>();
        Set<String> proxyIds = new HashSet<>();
        for (AACluster cluster : clusters.listAll()) {
            Optional<Instance> notebook = cluster.instance(ServiceKind.JUPYTER_NOTEBOOK, 1)
                    .filter(instance -> instance.notebook().isPresent());
            if (cluster.status() != ClusterStatus.CREATED || notebook.isEmpty()) {
                continue;
            }
            running.add(cluster.id());
            proxyIds.add(notebook.get().notebook().orElseThrow().proxyId().toString());
            check(cluster, notebook.get(), warned, stopped);
        }
        watched.keySet().retainAll(running);
        requests.retainOnly(proxyIds);
        return new Sweep(running.size(), List.copyOf(warned), List.copyOf(stopped));
    }

    private void check(AACluster cluster, Instance notebook, List<ClusterId> warned, List<ClusterId> stopped) {
        Instant now = clock.instant();
        Watch watch = watched.computeIfAbsent(cluster.id(), id -> new Watch(now, false));
        Optional<Instant> seen = activity.lastActivity(cluster, notebook, now);
        if (seen.isEmpty()) {
            return; // cannot tell: neither stop nor move the clock
        }
        if (seen.get().isAfter(watch.lastActivity())) {
            watch = new Watch(seen.get(), false);
        }
        switch (policy.decide(watch.lastActivity(), Optional.of(notebook.createdAt()), now, watch.warned())) {
            case KEEP -> { }
            case WARN_IDLE -> {
                Duration left = settings.timeout().minus(Duration.between(watch.lastActivity(), now));
                append(cluster, now, "No activity for " + IdlePolicy.describe(Duration.between(watch.lastActivity(),
                        now)) + ": the AACluster will be stopped in " + IdlePolicy.describe(left)
                        + " unless it is used (a busy kernel, a terminal, a request to the notebook or a Spark"
                        + " application counts as use).");
                watch = new Watch(watch.lastActivity(), true);
                warned.add(cluster.id());
            }
            case WARN_LIFETIME -> {
                Duration lifetime = settings.maxLifetime().orElseThrow();
                append(cluster, now, "The AACluster reaches its maximum lifetime of " + IdlePolicy.describe(lifetime)
                        + " in " + IdlePolicy.describe(lifetime.minus(Duration.between(notebook.createdAt(), now)))
                        + " and will then be stopped; its workspace is kept.");
                watch = new Watch(watch.lastActivity(), true);
                warned.add(cluster.id());
            }
            case STOP_IDLE -> {
                String idle = IdlePolicy.describe(Duration.between(watch.lastActivity(), now));
                if (stop(cluster, now, ACTION, "Stopped after " + idle + " without activity (idle timeout "
                        + IdlePolicy.describe(settings.timeout()) + "); the workspace is kept: start it again to"
                        + " go on.", "idle for " + idle)) {
                    stopped.add(cluster.id());
                }
            }
            case STOP_LIFETIME -> {
                if (stop(cluster, now, LIFETIME_ACTION, "Stopped at its maximum lifetime of "
                        + IdlePolicy.describe(settings.maxLifetime().orElseThrow()) + "; the workspace is kept: start"
                        + " it again to go on.", "ran for " + IdlePolicy.describe(Duration.between(
                                notebook.createdAt(), now)))) {
                    stopped.add(cluster.id());
                }
            }
        }
        watched.put(cluster.id(), watch);
    }

    private boolean stop(AACluster cluster, Instant now, String action, String why, String detail) {
        String owner = users.findById(cluster.owner()).map(user -> user.username().value()).orElse("?");
        try {
            append(cluster, now, why);
            stop.stop(new StopClusterCommand(cluster.owner(), cluster.name().value()));
        } catch (AapfException e) {
            LOG.log(System.Logger.Level.INFO, "AACluster " + cluster.id() + " was not stopped: " + e.getMessage());
            audit.record(new AuditEntry(now, AuditEntry.SYSTEM, action, owner + "/" + cluster.name().value(), "",
                    AuditEntry.Outcome.FAILED, e.reason().name().toLowerCase(Locale.ROOT)));
            return false;
        }
        audit.record(new AuditEntry(now, AuditEntry.SYSTEM, action, owner + "/" + cluster.name().value(), "",
                AuditEntry.Outcome.SUCCEEDED, detail));
        return true;
    }

    private void append(AACluster cluster, Instant now, String message) {
        events.append(List.of(new ClusterEvent(cluster.id(), now, ClusterEvent.Type.IDLE, message)));
    }

    /** Runs {@link #sweepOnce()} every {@link IdleSettings#checkInterval()} until closed; nothing when turned off. */
    public synchronized void start() {
        if (scheduler != null) {
            throw new IllegalStateException("idle shutdown already started");
        }
        if (!settings.anythingToDo()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("aapf-idle-shutdown").daemon().factory());
        long interval = settings.checkInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::sweepLogged, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = scheduler;
            scheduler = null;
        }
        if (running != null) {
            running.shutdownNow();
        }
    }

    private void sweepLogged() {
        try {
            Sweep sweep = sweepOnce();
            if (!sweep.stopped().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "Stopped {0} idle AAClusters", sweep.stopped().size());
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Idle check failed; next in " + settings.checkInterval() + ": " + e);
        }
    }
}
