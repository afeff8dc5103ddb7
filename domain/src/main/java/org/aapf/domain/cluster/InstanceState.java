package org.aapf.domain.cluster;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was observed of one instance on the backend, already translated to API terms.
 *
 * @param health empty until a health check has a result
 * @param alerts the problems the backend reports for the instance right now
 */
public record InstanceState(InstanceStatus status, Optional<Health> health, List<Alert> alerts) {

    public InstanceState {
        Objects.requireNonNull(status, "'status' must not be null");
        Objects.requireNonNull(health, "'health' must not be null");
        alerts = List.copyOf(alerts);
    }

    /** An instance the backend does not hold (yet). */
    public static InstanceState absent() {
        return new InstanceState(InstanceStatus.CREATING, Optional.empty(), List.of());
    }
}
