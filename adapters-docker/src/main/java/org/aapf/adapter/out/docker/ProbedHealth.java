package org.aapf.adapter.out.docker;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.aapf.application.port.out.Endpoint;
import org.aapf.application.port.out.InstanceRef;

/**
 * The health of running containers for a reconcile pass, without waiting on the ones that do not answer. A container
 * whose last probe failed counts as not healthy at once, while one probe at a time retries it in the background; when
 * a retry succeeds, {@code onRecovered} wakes the reconciler, whose next pass probes it as usual. A user's notebook
 * that stops answering (its owner controls it) so costs the passes one probe timeout in all, not one each; a container
 * that is starting is probed the same way until it answers.
 */
final class ProbedHealth {

    private final HttpHealthProbe probe;
    private final Consumer<InstanceRef> onRecovered;
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> retrying = ConcurrentHashMap.newKeySet();

    ProbedHealth(HttpHealthProbe probe, Consumer<InstanceRef> onRecovered) {
        this.probe = Objects.requireNonNull(probe, "'probe' must not be null");
        this.onRecovered = Objects.requireNonNull(onRecovered, "'onRecovered' must not be null");
    }

    /** Whether container {@code containerId}, instance {@code ref}, answers 2xx at {@code path}. */
    boolean healthy(String containerId, InstanceRef ref, Endpoint endpoint, String path) {
        if (!failing.contains(containerId)) {
            boolean healthy = probe.isHealthy(endpoint, path);
            if (!healthy) {
                failing.add(containerId);
            }
            return healthy;
        }
        if (retrying.add(containerId)) {
            probe.check(endpoint, path).thenAccept(healthy -> {
                retrying.remove(containerId);
                if (healthy && failing.remove(containerId)) {
                    onRecovered.accept(ref);
                }
            });
        }
        return false;
    }

    /** Forgets every container but these (the ones that still exist). */
    void retainOnly(Collection<String> containerIds) {
        Set<String> current = Set.copyOf(containerIds);
        failing.retainAll(current);
        retrying.retainAll(current);
    }
}
