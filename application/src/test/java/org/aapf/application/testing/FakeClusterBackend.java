package org.aapf.application.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.application.port.out.ObservedInstance.Phase;
import org.aapf.application.port.out.Workspace;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;

/**
 * An in-memory {@link ClusterBackend} with injectable faults: apply failing n times, instances crashing, the backend
 * being down, orphan instances, slow removal, and process crashes right after a backend call. New instances start in
 * a configurable phase ({@code READY} and healthy by default) and listen on a port of their own, so a replaced
 * instance has a new endpoint. Failed instances stay failed, unless the fake is told to restart them itself like
 * Kubernetes. Workspaces hold files (name to bytes) that {@link #copyWorkspace} copies into a running instance's
 * workspace, like the Docker engine's archive API. Never wired by {@code bootstrap}.
 */
public final class FakeClusterBackend implements ClusterBackend {

    private final Clock clock;
    private final Map<InstanceRef, ObservedInstance> instances;
    private final Map<InstanceRef, DesiredInstance> specs;
    private final Map<InstanceRef, Integer> ports;
    private final List<Consumer<InstanceRef>> listeners = new CopyOnWriteArrayList<>();
    private final Map<ClusterId, Workspace> workspaces;
    private final Map<ClusterId, Map<String, byte[]>> files;
    private boolean copies = true;
    private int copyFailures;
    private boolean crashDuringNextCopy;
    private Phase startPhase = Phase.READY;
    private boolean down;
    private boolean asyncRemoval;
    private boolean restartsItself;
    private int nextPort = 20000;
    private int applyFailures;
    private boolean crashAfterNextApply;
    private boolean crashAfterNextRemoveCluster;
    private int applyCalls;
    private int adoptions;
    private int creations;
    private int observeCalls;

    public FakeClusterBackend(Clock clock) {
        this(clock, new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
    }

    private FakeClusterBackend(Clock clock, Map<InstanceRef, ObservedInstance> instances,
            Map<InstanceRef, DesiredInstance> specs, Map<InstanceRef, Integer> ports,
            Map<ClusterId, Workspace> workspaces, Map<ClusterId, Map<String, byte[]>> files) {
        this.clock = clock;
        this.files = files;
        this.instances = instances;
        this.specs = specs;
        this.ports = ports;
        this.workspaces = workspaces;
    }

    /**
     * A new backend object on the same "engine" (sharing its instances and workspaces), as an AAPF restart would
     * create; faults, controls and watches are its own. Not for concurrent use beside this one.
     */
    public FakeClusterBackend restarted() {
        FakeClusterBackend restarted = new FakeClusterBackend(clock, instances, specs, ports, workspaces,
                files);
        restarted.nextPort = nextPort + 1000;
        return restarted;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized void apply(DesiredInstance desired) {
        requireUp();
        applyCalls++;
        if (applyFailures > 0) {
            applyFailures--;
            throw new AapfException(ErrorReason.INTERNAL, "The backend refused the instance.");
        }
        ObservedInstance existing = instances.get(desired.ref());
        if (existing == null || !existing.specHash().equals(desired.specHash())) {
            if (existing == null) {
                creations++;
            }
            instances.put(desired.ref(), instance(desired.ref(), desired.owner(), desired.specHash(), startPhase));
            specs.put(desired.ref(), desired);
            ports.put(desired.ref(), ++nextPort);
            if (desired.workspacePath().isPresent()) {
                ClusterId cluster = desired.ref().cluster();
                workspaces.computeIfAbsent(cluster, id -> new Workspace(id, "workspace-" + id,
                        Optional.of(desired.owner()), Optional.of(clock.instant()), OptionalLong.of(0)));
            }
            emit(desired.ref());
        }
        if (crashAfterNextApply) {
            crashAfterNextApply = false;
            throw new SimulatedCrash("after applying " + desired.ref());
        }
    }

    @Override
    public synchronized void remove(InstanceRef ref) {
        requireUp();
        removeOne(ref);
    }

    @Override
    public synchronized void removeCluster(ClusterId cluster) {
        requireUp();
        refsOf(cluster).forEach(this::removeOne);
        if (crashAfterNextRemoveCluster) {
            crashAfterNextRemoveCluster = false;
            throw new SimulatedCrash("after removing AACluster " + cluster);
        }
    }

    @Override
    public synchronized void removeWorkspace(ClusterId cluster) {
        requireUp();
        workspaces.remove(cluster);
        files.remove(cluster);
    }

    @Override
    public synchronized boolean copiesWorkspaces() {
        return copies;
    }

    /**
     * Copies the files of {@code from}'s workspace, in name order, into the workspace of the running instance
     * {@code into}, counting their bytes against {@code maxBytes}.
     */
    @Override
    public synchronized WorkspaceCopy copyWorkspace(ClusterId from, InstanceRef into, String workspacePath,
            long maxBytes) {
        requireUp();
        if (!copies) {
            throw new UnsupportedOperationException("this fake is told it cannot copy workspaces");
        }
        ObservedInstance target = instances.get(into);
        if (target == null || target.phase() != Phase.READY || !workspaces.containsKey(into.cluster())) {
            throw new AapfException(ErrorReason.INTERNAL, "No running instance " + into + " with a workspace.");
        }
        if (copyFailures > 0) {
            copyFailures--;
            throw new AapfException(ErrorReason.INTERNAL, "The backend refused the copy.");
        }
        Map<String, byte[]> source = new TreeMap<>(files.getOrDefault(from, Map.of()));
        Map<String, byte[]> copied = files.computeIfAbsent(into.cluster(), id -> new LinkedHashMap<>());
        long moved = 0;
        for (Map.Entry<String, byte[]> file : source.entrySet()) {
            moved += file.getValue().length;
            if (moved > maxBytes) {
                return WorkspaceCopy.TOO_LARGE;
            }
            copied.put(file.getKey(), file.getValue().clone());
            if (crashDuringNextCopy) {
                crashDuringNextCopy = false;
                throw new SimulatedCrash("while copying the workspace of " + from + " into " + into);
            }
        }
        return WorkspaceCopy.COPIED;
    }

    /** Relabels like Kubernetes: the cluster's instances and workspace name the new owner. */
    @Override
    public synchronized void adopt(ClusterId cluster, UserId owner) {
        requireUp();
        adoptions++;
        for (InstanceRef ref : refsOf(cluster)) {
            ObservedInstance old = instances.get(ref);
            instances.put(ref, new ObservedInstance(ref, owner, old.specHash(), old.phase(), old.health(),
                    old.alerts(), old.since(), old.restartsItself()));
        }
        workspaces.computeIfPresent(cluster, (id, old) -> new Workspace(id, old.name(), Optional.of(owner),
                old.createdAt(), old.sizeBytes()));
    }

    /** Sets the owner an instance reports, as a backend whose labels cannot change keeps the one it started with. */
    public synchronized void plantOwner(InstanceRef ref, UserId owner) {
        ObservedInstance old = instances.get(ref);
        instances.put(ref, new ObservedInstance(ref, owner, old.specHash(), old.phase(), old.health(), old.alerts(),
                old.since(), old.restartsItself()));
    }

    /** How many times {@link #adopt} was called. */
    public synchronized int adoptions() {
        return adoptions;
    }

    @Override
    public synchronized List<Workspace> workspaces() {
        requireUp();
        return workspaces.values().stream().map(workspace -> new Workspace(workspace.cluster(), workspace.name(),
                workspace.owner(), workspace.createdAt(), OptionalLong.of(files.getOrDefault(workspace.cluster(),
                        Map.of()).values().stream().mapToLong(bytes -> bytes.length).sum()))).toList();
    }

    /** Every instance; instances reported as {@code TERMINATING} are gone from the next observation on. */
    @Override
    public synchronized List<ObservedInstance> observe() {
        requireUp();
        observeCalls++;
        List<ObservedInstance> snapshot = instances.values().stream().map(instance -> new ObservedInstance(
                instance.ref(), instance.owner(), instance.specHash(), instance.phase(), instance.health(),
                instance.alerts(), instance.since(), restartsItself)).toList();
        snapshot.stream().filter(instance -> instance.phase() == Phase.TERMINATING)
                .forEach(instance -> forget(instance.ref()));
        return snapshot;
    }

    @Override
    public Watch watch(Consumer<InstanceRef> onChange) {
        listeners.add(onChange);
        return () -> listeners.remove(onChange);
    }

    @Override
    public synchronized Optional<Endpoint> endpoint(InstanceRef ref) {
        ObservedInstance instance = instances.get(ref);
        if (instance == null || (instance.phase() != Phase.READY && instance.phase() != Phase.STARTING)) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint("127.0.0.1", ports.getOrDefault(ref, 20000)));
    }

    // ---- faults and controls ----

    /** The next {@code count} apply calls throw {@code INTERNAL} without doing anything. */
    public synchronized void failNextApplies(int count) {
        applyFailures = count;
    }

    /** While down, every call but {@link #watch} throws {@code UNAVAILABLE}. */
    public synchronized void setDown(boolean isDown) {
        down = isDown;
    }

    /** The instance dies: {@code FAILED}, unhealthy, with an error alert of that reason. */
    public synchronized void crash(InstanceRef ref, String reason, String message) {
        setState(ref, Phase.FAILED, Optional.of(Health.UNHEALTHY),
                List.of(new Alert(Alert.Level.ERROR, reason, message, clock.instant())));
    }

    /** Puts an existing instance in another phase, e.g. restarted after a crash. */
    public synchronized void setState(InstanceRef ref, Phase phase, Optional<Health> health, List<Alert> alerts) {
        ObservedInstance old = require(ref);
        instances.put(ref, new ObservedInstance(ref, old.owner(), old.specHash(), phase, health, alerts,
                clock.instant(), false));
        emit(ref);
    }

    /** Adds an instance labelled as ours that AAPF never asked for. */
    public synchronized void plant(InstanceRef ref, UserId owner) {
        instances.put(ref, instance(ref, owner, "planted", Phase.READY));
    }

    /** New instances start in this phase ({@code READY} by default; {@code PENDING} to watch them progress). */
    public synchronized void startInstancesAs(Phase phase) {
        startPhase = phase;
    }

    /** Failed instances are restarted by the backend itself, as Kubernetes does, so the reconciler leaves them be. */
    public synchronized void restartFailedInstancesItself(boolean restarts) {
        restartsItself = restarts;
    }

    /** Removals leave instances {@code TERMINATING} for one more observation, like Kubernetes pods. */
    public synchronized void removeAsynchronously(boolean async) {
        asyncRemoval = async;
    }

    /** The process "dies" right after the next successful apply. */
    public synchronized void crashProcessAfterNextApply() {
        crashAfterNextApply = true;
    }

    /** The process "dies" right after the next removeCluster. */
    public synchronized void crashProcessAfterNextRemoveCluster() {
        crashAfterNextRemoveCluster = true;
    }

    /** Says whether {@link #copyWorkspace} works, as Docker does (the default) and Kubernetes does not. */
    public synchronized void copyWorkspaces(boolean copy) {
        copies = copy;
    }

    /** The next {@code count} copies throw {@code INTERNAL} without copying anything. */
    public synchronized void failNextCopies(int count) {
        copyFailures = count;
    }

    /** The process "dies" during the next copy, after its first file. */
    public synchronized void crashProcessDuringNextCopy() {
        crashDuringNextCopy = true;
    }

    /** Writes a file into the cluster's workspace, as its notebook would; the workspace must exist. */
    public synchronized void writeFile(ClusterId cluster, String name, byte[] content) {
        if (!workspaces.containsKey(cluster)) {
            throw new IllegalStateException("no workspace of " + cluster);
        }
        files.computeIfAbsent(cluster, id -> new LinkedHashMap<>()).put(name, content.clone());
    }

    // ---- inspection ----

    /** The files in the cluster's workspace, by name; empty when it has none. */
    public synchronized Map<String, byte[]> files(ClusterId cluster) {
        return Map.copyOf(files.getOrDefault(cluster, Map.of()));
    }

    public synchronized List<ObservedInstance> instances() {
        return List.copyOf(instances.values());
    }

    public synchronized List<ObservedInstance> instancesOf(ClusterId cluster) {
        return instances.values().stream().filter(instance -> instance.ref().cluster().equals(cluster)).toList();
    }

    /** The spec an instance was last applied with. */
    public synchronized Optional<DesiredInstance> desired(InstanceRef ref) {
        return Optional.ofNullable(specs.get(ref));
    }

    public synchronized int applyCalls() {
        return applyCalls;
    }

    /** How many instances were created (not replaced) over the fake's life. */
    public synchronized int creations() {
        return creations;
    }

    public synchronized int observeCalls() {
        return observeCalls;
    }

    private void removeOne(InstanceRef ref) {
        ObservedInstance old = instances.get(ref);
        if (old == null) {
            return;
        }
        if (asyncRemoval) {
            instances.put(ref, new ObservedInstance(ref, old.owner(), old.specHash(), Phase.TERMINATING,
                    Optional.empty(), List.of(), clock.instant(), false));
        } else {
            forget(ref);
        }
        emit(ref);
    }

    private void forget(InstanceRef ref) {
        instances.remove(ref);
        specs.remove(ref);
        ports.remove(ref);
    }

    private List<InstanceRef> refsOf(ClusterId cluster) {
        return new ArrayList<>(instancesOf(cluster).stream().map(ObservedInstance::ref).toList());
    }

    private ObservedInstance instance(InstanceRef ref, UserId owner, String hash, Phase phase) {
        Optional<Health> health = phase == Phase.READY ? Optional.of(Health.HEALTHY) : Optional.empty();
        return new ObservedInstance(ref, owner, hash, phase, health, List.of(), clock.instant(), false);
    }

    private ObservedInstance require(InstanceRef ref) {
        ObservedInstance instance = instances.get(ref);
        if (instance == null) {
            throw new IllegalStateException("no instance " + ref);
        }
        return instance;
    }

    private void requireUp() {
        if (down) {
            throw AapfException.unavailable("The cluster backend cannot be reached.", null);
        }
    }

    private void emit(InstanceRef ref) {
        listeners.forEach(listener -> listener.accept(ref));
    }
}
