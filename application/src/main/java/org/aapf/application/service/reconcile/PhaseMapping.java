package org.aapf.application.service.reconcile;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.ObservedInstance;
import org.aapf.domain.cluster.InstanceState;
import org.aapf.domain.cluster.InstanceStatus;

/**
 * Translates what the backend reports into API instance states:
 * <ul>
 *   <li>not observed (not created yet) → {@code creating}</li>
 *   <li>{@code PENDING} (image pull, scheduling) → {@code creating}</li>
 *   <li>{@code STARTING} (running, health check not passed) → {@code starting}</li>
 *   <li>{@code READY} → {@code ready}</li>
 *   <li>{@code FAILED} → {@code failed}</li>
 *   <li>{@code TERMINATING} of a live cluster (an instance being replaced) → {@code creating}</li>
 * </ul>
 * Health and alerts are taken as reported; an instance not observed has neither.
 */
final class PhaseMapping {

    private PhaseMapping() {
    }

    static InstanceState toState(Optional<ObservedInstance> observed) {
        return observed.map(PhaseMapping::toState).orElseGet(InstanceState::absent);
    }

    private static InstanceState toState(ObservedInstance observed) {
        InstanceStatus status = switch (observed.phase()) {
            case PENDING, TERMINATING -> InstanceStatus.CREATING;
            case STARTING -> InstanceStatus.STARTING;
            case READY -> InstanceStatus.READY;
            case FAILED -> InstanceStatus.FAILED;
        };
        return new InstanceState(status, observed.health(), List.copyOf(observed.alerts()));
    }
}
