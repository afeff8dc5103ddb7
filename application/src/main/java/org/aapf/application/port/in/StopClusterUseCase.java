package org.aapf.application.port.in;

import java.util.Objects;
import org.aapf.domain.user.UserId;

/**
 * Accepts stopping an AACluster: marks it {@code stopping} and wakes the reconciler (the API answers 202), which removes
 * every instance and then marks it {@code stopped}. Spec, workspace and notebook address stay. Asking again is harmless.
 */
public interface StopClusterUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name,
     *     {@code INVALID_INPUT} for an invalid name or a cluster being deleted
     */
    void stop(StopClusterCommand command);

    record StopClusterCommand(UserId owner, String name) {

        public StopClusterCommand {
            Objects.requireNonNull(owner, "'owner' must not be null");
        }
    }
}
