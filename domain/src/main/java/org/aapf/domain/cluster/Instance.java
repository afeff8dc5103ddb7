package org.aapf.domain.cluster;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One instance of one service of an AACluster, as stored and shown. Immutable; {@link AACluster} replaces it when
 * its state changes.
 *
 * @param index from 1 within its service
 * @param health empty until the backend's health check has a result
 * @param updatedAt when status, health or alerts last changed
 * @param alerts what the owner should know about this instance right now
 * @param notebook the proxy id and token; present exactly on notebook instances
 */
public record Instance(ServiceKind service, int index, InstanceStatus status, Optional<Health> health,
        Instant createdAt, Instant updatedAt, List<Alert> alerts, Optional<NotebookAccess> notebook) {

    public Instance {
        Objects.requireNonNull(service, "'service' must not be null");
        if (index < 1) {
            throw new IllegalArgumentException("'index' must be >= 1");
        }
        Objects.requireNonNull(status, "'status' must not be null");
        Objects.requireNonNull(health, "'health' must not be null");
        Objects.requireNonNull(createdAt, "'createdAt' must not be null");
        Objects.requireNonNull(updatedAt, "'updatedAt' must not be null");
        alerts = List.copyOf(alerts);
        Objects.requireNonNull(notebook, "'notebook' must not be null");
        if (notebook.isPresent() != (service == ServiceKind.JUPYTER_NOTEBOOK)) {
            throw new IllegalArgumentException("'notebook' access must be present exactly on notebook instances");
        }
    }

    /** A new instance that the backend does not hold yet. */
    static Instance requested(ServiceKind service, int index, Instant now) {
        Optional<NotebookAccess> access = service == ServiceKind.JUPYTER_NOTEBOOK
                ? Optional.of(NotebookAccess.random())
                : Optional.empty();
        return new Instance(service, index, InstanceStatus.CREATING, Optional.empty(), now, now, List.of(), access);
    }

    /**
     * A notebook instance taken over from a warm pool: already started, ready and healthy, with the proxy id and
     * token it was started with.
     */
    static Instance adopted(NotebookAccess access, Instant now) {
        return new Instance(ServiceKind.JUPYTER_NOTEBOOK, 1, InstanceStatus.READY, Optional.of(Health.HEALTHY), now, now,
                List.of(), Optional.of(access));
    }

    /** A readable name for messages and logs, e.g. {@code spark-worker-2}. */
    public String label() {
        return service.apiName() + "-" + index;
    }

    public boolean hasAlert(String reason) {
        return alerts.stream().anyMatch(alert -> alert.reason().equals(reason));
    }

    /** This instance with new state; itself when nothing changed (alerts compare without their time). */
    Instance with(InstanceStatus newStatus, Optional<Health> newHealth, List<Alert> newAlerts, Instant now) {
        List<Alert> merged = keepTimes(newAlerts);
        if (newStatus == status && newHealth.equals(health) && merged.equals(alerts)) {
            return this;
        }
        return new Instance(service, index, newStatus, newHealth, createdAt, now, merged, notebook);
    }

    /** Keeps the original time of alerts that were already raised, so an unchanged alert is not a change. */
    private List<Alert> keepTimes(List<Alert> newAlerts) {
        List<Alert> merged = new ArrayList<>(newAlerts.size());
        for (Alert alert : newAlerts) {
            merged.add(alerts.stream().filter(old -> sameContent(old, alert)).findFirst().orElse(alert));
        }
        return merged;
    }

    static boolean sameContent(Alert a, Alert b) {
        return a.level() == b.level() && a.reason().equals(b.reason()) && a.message().equals(b.message());
    }
}
