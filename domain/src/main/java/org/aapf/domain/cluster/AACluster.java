package org.aapf.domain.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/**
 * A user's AACluster: the services they asked for, the instances that make them up and the state AAPF last observed.
 * State changes only through intention-named methods, which refuse illegal transitions, derive the cluster status
 * and record {@link ClusterEvent}s for the caller to store after saving.
 */
public final class AACluster {

    private static final Comparator<Instance> ORDER =
            Comparator.comparing(Instance::service).thenComparingInt(Instance::index);

    private final ClusterId id;
    private ClusterId runtimeId;
    private Optional<ClusterId> retiredRuntimeId;
    private final UserId owner;
    private final ClusterName name;
    private final Instant createdAt;
    private Map<ServiceKind, ServiceSpec> specs;
    private final List<Instance> instances;
    private ClusterStatus status;
    private List<Alert> alerts;
    private final long version;
    private final List<ClusterEvent> events = new ArrayList<>();
    private boolean changed;

    private AACluster(ClusterId id, RuntimeIds runtime, UserId owner, ClusterName name, Instant createdAt,
            Map<ServiceKind, ServiceSpec> specs, List<Instance> instances, ClusterStatus status, List<Alert> alerts,
            long version) {
        this.id = Objects.requireNonNull(id, "'id' must not be null");
        this.runtimeId = runtime.id();
        this.retiredRuntimeId = runtime.retired();
        this.owner = Objects.requireNonNull(owner, "'owner' must not be null");
        this.name = Objects.requireNonNull(name, "'name' must not be null");
        this.createdAt = Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        this.specs = Collections.unmodifiableMap(new EnumMap<>(ClusterSpecs.require(specs)));
        this.instances = new ArrayList<>(instances);
        this.instances.sort(ORDER);
        this.status = Objects.requireNonNull(status, "'status' must not be null");
        this.alerts = List.copyOf(alerts);
        this.version = version;
    }

    /**
     * A new cluster: one instance row per requested instance, each {@code creating}; notebook instances get a fresh
     * proxy id and token. Records a {@code requested} event.
     *
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} without a notebook, with more than one
     *     notebook or master, or with workers but no master
     */
    public static AACluster create(ClusterId id, UserId owner, ClusterName name, Map<ServiceKind, ServiceSpec> specs,
            Instant now) {
        List<Instance> instances = new ArrayList<>();
        ClusterSpecs.require(specs).forEach((kind, spec) -> {
            for (int index = 1; index <= spec.numberOfInstances(); index++) {
                instances.add(Instance.requested(kind, index, now));
            }
        });
        AACluster cluster = new AACluster(id, RuntimeIds.of(id), owner, name, now, specs, instances,
                ClusterStatus.CREATING, List.of(), 0);
        cluster.record(now, ClusterEvent.Type.REQUESTED, "AACluster '" + name + "' was requested.");
        return cluster;
    }

    /**
     * A new notebook-only cluster that takes over a warm instance a pool started for it: the cluster gets the id,
     * proxy id and token the instance was started with, and is {@code created} at once, without waiting for the
     * backend. Records a {@code requested} and a {@code created} event.
     *
     * @param id the id the warm instance was started under (its backend objects are named from it)
     * @throws IllegalArgumentException when the specs ask for more than the notebook
     */
    public static AACluster createFromWarm(ClusterId id, UserId owner, ClusterName name,
            Map<ServiceKind, ServiceSpec> specs, NotebookAccess access, Instant now) {
        if (!specs.keySet().equals(Set.of(ServiceKind.JUPYTER_NOTEBOOK))) {
            throw new IllegalArgumentException("only a notebook-only cluster can take over a warm instance");
        }
        AACluster cluster = new AACluster(id, RuntimeIds.of(id), owner, name, now, specs,
                List.of(Instance.adopted(access, now)), ClusterStatus.CREATED, List.of(), 0);
        cluster.record(now, ClusterEvent.Type.REQUESTED, "AACluster '" + name + "' was requested.");
        cluster.record(now, ClusterEvent.Type.CREATED, "AACluster '" + name
                + "' took over a warm notebook instance and is ready.");
        return cluster;
    }

    /** A cluster as loaded from storage, with the version storage holds, running under its own id. */
    public static AACluster restore(ClusterId id, UserId owner, ClusterName name, Instant createdAt,
            Map<ServiceKind, ServiceSpec> specs, List<Instance> instances, ClusterStatus status, List<Alert> alerts,
            long version) {
        return restore(id, RuntimeIds.of(id), owner, name, createdAt, specs, instances, status, alerts, version);
    }

    /** A cluster as loaded from storage, with the runtime ids and the version storage holds. */
    public static AACluster restore(ClusterId id, RuntimeIds runtime, UserId owner, ClusterName name, Instant createdAt,
            Map<ServiceKind, ServiceSpec> specs, List<Instance> instances, ClusterStatus status, List<Alert> alerts,
            long version) {
        return new AACluster(id, runtime, owner, name, createdAt, specs, instances, status, alerts, version);
    }

    /**
     * Asks for the cluster to be removed: status and every instance become {@code deleting}.
     *
     * @return false when deletion was already requested (nothing changes)
     */
    public boolean requestDeletion(Instant now) {
        if (status == ClusterStatus.DELETING) {
            return false;
        }
        instances.replaceAll(instance ->
                instance.with(InstanceStatus.DELETING, instance.health(), instance.alerts(), now));
        status = ClusterStatus.DELETING;
        changed = true;
        record(now, ClusterEvent.Type.DELETING, "Deletion of AACluster '" + name + "' was requested.");
        return true;
    }

    /**
     * Asks for every instance to be removed while spec, workspace and notebook addresses stay: status and every
     * instance become {@code stopping}. Records a {@code stopping} event.
     *
     * @return false when the cluster is already stopping or stopped (nothing changes)
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} while the cluster is being deleted
     */
    public boolean requestStop(Instant now) {
        requireNotDeletingForOwner("stopped");
        if (isParked()) {
            return false;
        }
        setAll(InstanceStatus.STOPPING, now);
        status = ClusterStatus.STOPPING;
        record(now, ClusterEvent.Type.STOPPING, "Stopping AACluster '" + name + "' was requested.");
        return true;
    }

    /**
     * Confirms the backend runs no instance of the cluster any more: status and every instance become
     * {@code stopped}. Records a {@code stopped} event.
     *
     * @throws IllegalStateException unless stopping was requested
     */
    public void completeStop(Instant now) {
        if (status != ClusterStatus.STOPPING) {
            throw new IllegalStateException("AACluster " + id + " cannot become stopped while " + status.apiName());
        }
        setAll(InstanceStatus.STOPPED, now);
        status = ClusterStatus.STOPPED;
        record(now, ClusterEvent.Type.STOPPED, "AACluster '" + name + "' is stopped; its workspace is kept.");
    }

    /**
     * Asks for a stopping or stopped cluster to run again with the same spec, workspace and notebook addresses:
     * status and every instance become {@code creating}. Records a {@code starting} event.
     *
     * @return false when the cluster is not stopping or stopped (nothing changes)
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} while the cluster is being deleted
     */
    public boolean requestStart(Instant now) {
        requireNotDeletingForOwner("started");
        if (!isParked()) {
            return false;
        }
        setAll(InstanceStatus.CREATING, now);
        status = ClusterStatus.CREATING;
        record(now, ClusterEvent.Type.STARTING, "Starting AACluster '" + name + "' was requested.");
        return true;
    }

    /**
     * True when a start may take over a warm instance instead: a stopped notebook-only cluster whose previous
     * runtime's workspace is not still waiting for removal.
     */
    public boolean mayStartWarm() {
        return status == ClusterStatus.STOPPED && specs.keySet().equals(Set.of(ServiceKind.JUPYTER_NOTEBOOK))
                && retiredRuntimeId.isEmpty();
    }

    /**
     * Starts a stopped notebook-only cluster on a warm instance that already holds a copy of its workspace: the
     * cluster keeps its id and now runs under {@code runtime} (the warm instance's id, which its backend objects are
     * named from), with the instance's proxy id and token, {@code created} at once. The previous runtime is retired:
     * its workspace is removed by the reconciler ({@link #retiredRuntimeId()}). Records a {@code starting} and a
     * {@code created} event.
     *
     * @throws IllegalStateException unless {@link #mayStartWarm()}
     */
    public void startOnWarm(ClusterId runtime, NotebookAccess access, Instant now) {
        if (!mayStartWarm()) {
            throw new IllegalStateException("AACluster " + id + " cannot start on a warm instance while "
                    + status.apiName());
        }
        retiredRuntimeId = Optional.of(runtimeId);
        runtimeId = Objects.requireNonNull(runtime, "'runtime' must not be null");
        instances.clear();
        instances.add(Instance.adopted(access, now));
        alerts = List.of();
        status = ClusterStatus.CREATED;
        record(now, ClusterEvent.Type.STARTING, "Starting AACluster '" + name + "' was requested.");
        record(now, ClusterEvent.Type.CREATED, "AACluster '" + name
                + "' took over a warm notebook instance with a copy of its workspace and is ready.");
    }

    /** Notes that the retired runtime's workspace is gone from the backend. */
    public void forgetRetiredRuntime() {
        if (retiredRuntimeId.isPresent()) {
            retiredRuntimeId = Optional.empty();
            changed = true;
        }
    }

    /**
     * Records what the backend reports for one instance and derives the cluster status. Alerts AAPF raised itself
     * ({@link AlertReasons#APPLY_FAILED}) stay until {@link #markApplied}.
     *
     * @throws IllegalStateException when the cluster is being deleted or has no such instance
     */
    public void observe(ServiceKind service, int index, InstanceState observed, Instant now) {
        requireNotDeleting("observe");
        Instance before = requireInstance(service, index);
        List<Alert> kept = new ArrayList<>(observed.alerts());
        before.alerts().stream().filter(alert -> alert.reason().equals(AlertReasons.APPLY_FAILED)).forEach(kept::add);
        Instance after = before.with(observed.status(), observed.health(), kept, now);
        if (after != before) {
            put(after);
            InstanceEvents.of(id, before, after, now).ifPresent(this::record);
            refreshStatus(now);
        }
    }

    /** Notes that the backend refused to create or replace an instance; the first failure records an event. */
    public void markApplyFailed(ServiceKind service, int index, String message, Instant now) {
        requireNotDeleting("markApplyFailed");
        Instance before = requireInstance(service, index);
        Alert alert = new Alert(Alert.Level.WARNING, AlertReasons.APPLY_FAILED, message, now);
        List<Alert> next = new ArrayList<>(withoutReason(before.alerts(), AlertReasons.APPLY_FAILED));
        next.add(alert);
        Instance after = before.with(before.status(), before.health(), next, now);
        if (after != before) {
            put(after);
            if (!before.hasAlert(AlertReasons.APPLY_FAILED)) {
                record(now, ClusterEvent.Type.FAILED, "Instance " + before.label() + " could not be created: "
                        + message);
            }
        }
    }

    /** Notes that the backend holds the instance as wanted: clears a previous {@link AlertReasons#APPLY_FAILED}. */
    public void markApplied(ServiceKind service, int index, Instant now) {
        requireNotDeleting("markApplied");
        Instance before = requireInstance(service, index);
        if (before.hasAlert(AlertReasons.APPLY_FAILED)) {
            put(before.with(before.status(), before.health(),
                    withoutReason(before.alerts(), AlertReasons.APPLY_FAILED), now));
        }
    }

    /**
     * Records that a failed instance is being replaced (removed and started again), naming why it failed. The
     * instance stays {@code failed}, with its alerts, until the backend reports the replacement.
     *
     * @param restart how many times in a row the instance has been replaced, this time included
     * @throws IllegalStateException when the cluster is being deleted, has no such instance, or it has not failed
     */
    public void recordRestart(ServiceKind service, int index, int restart, Instant now) {
        requireNotDeleting("recordRestart");
        Instance failed = requireInstance(service, index);
        if (failed.status() != InstanceStatus.FAILED) {
            throw new IllegalStateException("Instance " + failed.label() + " of AACluster " + id + " is "
                    + failed.status().apiName() + ", not failed");
        }
        String reason = failed.alerts().stream().map(Alert::message).findFirst().orElse("no reason reported.");
        record(now, ClusterEvent.Type.RESTARTED, "Instance " + failed.label() + " is being restarted (restart "
                + restart + ") after it failed: " + reason);
    }

    /**
     * Asks for {@code count} Spark workers: adds {@code creating} instances after the highest index, or drops the
     * highest indexes first (the reconciler then removes what no instance wants). Workers keep the image and
     * performance type they were requested with; a cluster that has a master but no workers gets the master's.
     * Records a {@code requested} event.
     *
     * @return false when the cluster already has {@code count} workers (nothing changes)
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} without a master, while being deleted, or
     *     with {@code count} below 1
     */
    public boolean resizeSparkWorkers(int count, Instant now) {
        SparkWorkers.requireResizable(this, count);
        List<Instance> workers = instancesOf(ServiceKind.SPARK_WORKER);
        if (workers.size() == count) {
            return false;
        }
        specs = SparkWorkers.resizedSpecs(specs, count);
        instances.removeIf(instance -> instance.service() == ServiceKind.SPARK_WORKER && instance.index() > count);
        for (int index = workers.size() + 1; index <= count; index++) {
            instances.add(Instance.requested(ServiceKind.SPARK_WORKER, index, now));
        }
        instances.sort(ORDER);
        changed = true;
        record(now, ClusterEvent.Type.REQUESTED, "Resizing the Spark workers of AACluster '" + name + "' from "
                + workers.size() + " to " + count + " was requested.");
        refreshStatus(now);
        return true;
    }

    /** Raises a cluster-wide alert (e.g. {@link AlertReasons#BACKEND_UNREACHABLE}), replacing one of that reason. */
    public void raiseAlert(Alert alert) {
        Optional<Alert> same = alerts.stream().filter(old -> Instance.sameContent(old, alert)).findFirst();
        if (same.isEmpty()) {
            List<Alert> next = new ArrayList<>(withoutReason(alerts, alert.reason()));
            next.add(alert);
            alerts = List.copyOf(next);
            changed = true;
        }
    }

    /** Clears the cluster-wide alert of that reason, if raised. */
    public void clearAlert(String reason) {
        if (alerts.stream().anyMatch(alert -> alert.reason().equals(reason))) {
            alerts = withoutReason(alerts, reason);
            changed = true;
        }
    }

    /**
     * Confirms the backend holds nothing of the cluster any more; the caller then removes it from storage.
     *
     * @throws IllegalStateException unless deletion was requested
     */
    public void completeDeletion(Instant now) {
        if (status != ClusterStatus.DELETING) {
            throw new IllegalStateException("AACluster " + id + " cannot be deleted while " + status.apiName());
        }
        record(now, ClusterEvent.Type.DELETED, "AACluster '" + name + "' was deleted.");
    }

    /** The events recorded since the last call, oldest first; the caller stores them once the cluster is saved. */
    public List<ClusterEvent> pullEvents() {
        List<ClusterEvent> pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    /** True when state changed since the cluster was created or loaded, i.e. it needs saving. */
    public boolean hasChanges() {
        return changed;
    }

    public ClusterId id() {
        return id;
    }

    /**
     * The id the cluster's backend objects (instances, network, workspace) are named from: its own id, unless it was
     * started on a warm instance, whose id it then runs under.
     */
    public ClusterId runtimeId() {
        return runtimeId;
    }

    /** A previous runtime whose workspace the reconciler still has to remove, after a start on a warm instance. */
    public Optional<ClusterId> retiredRuntimeId() {
        return retiredRuntimeId;
    }

    /** The runtime ids as stored. */
    public RuntimeIds runtime() {
        return new RuntimeIds(runtimeId, retiredRuntimeId);
    }

    public UserId owner() {
        return owner;
    }

    public ClusterName name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The requested services; always contains {@link ServiceKind#JUPYTER_NOTEBOOK}. */
    public Map<ServiceKind, ServiceSpec> specs() {
        return specs;
    }

    public Optional<ServiceSpec> spec(ServiceKind service) {
        return Optional.ofNullable(specs.get(service));
    }

    /** Every instance, ordered by service (API order) then index. */
    public List<Instance> instances() {
        return List.copyOf(instances);
    }

    public List<Instance> instancesOf(ServiceKind service) {
        return instances.stream().filter(instance -> instance.service() == service).toList();
    }

    public Optional<Instance> instance(ServiceKind service, int index) {
        return instances.stream().filter(i -> i.service() == service && i.index() == index).findFirst();
    }

    public ClusterStatus status() {
        return status;
    }

    public boolean isDeleting() {
        return status == ClusterStatus.DELETING;
    }

    /** True while stopping or stopped: the backend should run nothing of the cluster, and its workspace stays. */
    public boolean isParked() {
        return status == ClusterStatus.STOPPING || status == ClusterStatus.STOPPED;
    }

    /** Cluster-wide alerts; shown on every requested service. */
    public List<Alert> alerts() {
        return alerts;
    }

    /** The version storage held when the cluster was loaded (0 for a new one); used for optimistic locking. */
    public long version() {
        return version;
    }

    private void refreshStatus(Instant now) {
        ClusterStatus derived = deriveStatus();
        if (derived != status) {
            status = derived;
            if (derived == ClusterStatus.CREATED) {
                record(now, ClusterEvent.Type.CREATED, "Every instance of AACluster '" + name + "' is ready.");
            }
        }
    }

    private ClusterStatus deriveStatus() {
        if (instances.stream().anyMatch(instance -> instance.status() == InstanceStatus.FAILED)) {
            return ClusterStatus.ERROR;
        }
        if (instances.stream().allMatch(instance -> instance.status() == InstanceStatus.READY)) {
            return ClusterStatus.CREATED;
        }
        return ClusterStatus.CREATING;
    }

    private void record(Instant now, ClusterEvent.Type type, String message) {
        record(new ClusterEvent(id, now, type, message));
    }

    private void record(ClusterEvent event) {
        events.add(event);
        changed = true;
    }

    private void put(Instance instance) {
        instances.replaceAll(old -> old.service() == instance.service() && old.index() == instance.index()
                ? instance : old);
        changed = true;
    }

    private Instance requireInstance(ServiceKind service, int index) {
        return instance(service, index).orElseThrow(() -> new IllegalStateException(
                "AACluster " + id + " has no instance " + service.apiName() + "-" + index));
    }

    private void requireNotDeleting(String action) {
        if (status == ClusterStatus.DELETING || isParked()) {
            throw new IllegalStateException("AACluster " + id + " is " + status.apiName() + "; cannot " + action);
        }
    }

    private void requireNotDeletingForOwner(String action) {
        if (status == ClusterStatus.DELETING) {
            throw AapfException.invalid("AACluster '" + name + "' is being deleted and cannot be " + action + ".");
        }
    }

    /** Every instance gets this status, no health and no alerts: what ran before is gone or going. */
    private void setAll(InstanceStatus next, Instant now) {
        instances.replaceAll(instance -> instance.with(next, Optional.empty(), List.of(), now));
        alerts = List.of();
        changed = true;
    }

    private static List<Alert> withoutReason(List<Alert> alerts, String reason) {
        return alerts.stream().filter(alert -> !alert.reason().equals(reason)).toList();
    }
}
