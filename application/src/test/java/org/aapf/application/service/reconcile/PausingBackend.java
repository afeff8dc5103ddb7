package org.aapf.application.service.reconcile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.ForwardingClusterBackend;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.domain.cluster.ClusterId;

/**
 * One process's way to the shared backend, where the process can "pause" (GC, stopped VM) around its n-th apply:
 * the test's action runs right before (or after) that call reaches the backend, or after an observation. Counts the
 * changes that got through.
 */
final class PausingBackend extends ForwardingClusterBackend {

    private final Map<Integer, Runnable> before = new HashMap<>();
    private final Map<Integer, Runnable> after = new HashMap<>();
    private Optional<Runnable> afterObserve = Optional.empty();
    private int applies;
    private int changes;

    PausingBackend(ClusterBackend backend) {
        super(backend);
    }

    /** Runs {@code pause} when the {@code n}-th apply is about to reach the backend (it has passed every check). */
    PausingBackend pauseBeforeApply(int n, Runnable pause) {
        before.put(n, pause);
        return this;
    }

    /** Runs {@code pause} once the {@code n}-th apply has reached the backend. */
    PausingBackend pauseAfterApply(int n, Runnable pause) {
        after.put(n, pause);
        return this;
    }

    /** Runs {@code pause} once the next observation has returned. */
    PausingBackend pauseAfterObserve(Runnable pause) {
        afterObserve = Optional.of(pause);
        return this;
    }

    /** Changes (apply, remove, removeCluster, removeWorkspace) that reached the backend through this process. */
    int changes() {
        return changes;
    }

    @Override
    public void apply(DesiredInstance desired) {
        applies++;
        Optional.ofNullable(before.remove(applies)).ifPresent(Runnable::run);
        changes++;
        super.apply(desired);
        Optional.ofNullable(after.remove(applies)).ifPresent(Runnable::run);
    }

    @Override
    public void remove(InstanceRef ref) {
        changes++;
        super.remove(ref);
    }

    @Override
    public void removeCluster(ClusterId cluster) {
        changes++;
        super.removeCluster(cluster);
    }

    @Override
    public void removeWorkspace(ClusterId cluster) {
        changes++;
        super.removeWorkspace(cluster);
    }

    @Override
    public List<ObservedInstance> observe() {
        List<ObservedInstance> observed = super.observe();
        Optional<Runnable> pause = afterObserve;
        afterObserve = Optional.empty();
        pause.ifPresent(Runnable::run);
        return observed;
    }
}
