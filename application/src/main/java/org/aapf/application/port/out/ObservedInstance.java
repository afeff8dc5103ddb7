package org.aapf.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.user.UserId;

/**
 * The actual state of one instance as the backend sees it.
 *
 * @param owner the owner label found on the instance
 * @param specHash the {@link DesiredInstance#specHash()} it was created from
 * @param health empty until the backend's health check has a result
 * @param alerts problems the backend reports for this instance right now (missing image, OOM, crash loop...)
 * @param since when the instance entered its current phase, as far as the backend knows
 * @param restartsItself true when the backend itself restarts this instance should it fail, with its own back-off
 *     (Kubernetes restarts a pod's crashed container and retries a failed image pull), so that the reconciler must
 *     not replace it; false when a failed instance stays failed until the reconciler replaces it
 */
public record ObservedInstance(InstanceRef ref, UserId owner, String specHash, Phase phase, Optional<Health> health,
        List<Alert> alerts, Instant since, boolean restartsItself) {

    public ObservedInstance {
        Objects.requireNonNull(ref, "'ref' must not be null");
        Objects.requireNonNull(owner, "'owner' must not be null");
        Objects.requireNonNull(specHash, "'specHash' must not be null");
        Objects.requireNonNull(phase, "'phase' must not be null");
        Objects.requireNonNull(health, "'health' must not be null");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(since, "'since' must not be null");
    }

    /** Where an instance is in its life on the backend. */
    public enum Phase {
        /** Accepted but not running yet (image pulling, pod pending, container created). */
        PENDING,
        /** Running; its health check has not passed yet. */
        STARTING,
        /** Running and its health check (or, without one, the process) is up. */
        READY,
        /** Exited, crash-looping, OOM-killed, unschedulable or missing its image; see the alerts. */
        FAILED,
        /** Being removed. */
        TERMINATING
    }
}
