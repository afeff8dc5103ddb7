package org.aapf.application.port.in;

import java.util.Objects;
import org.aapf.domain.user.UserId;

/**
 * Accepts the deletion of an AACluster: marks it {@code deleting} and wakes the reconciler (the API answers 202).
 * The cluster stays visible, as {@code deleting}, until the backend holds nothing of it. Asking again is harmless.
 */
public interface DeleteClusterUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name
     *     (another user's cluster included), {@code INVALID_INPUT} for an invalid name
     */
    void delete(DeleteClusterCommand command);

    record DeleteClusterCommand(UserId owner, String name) {

        public DeleteClusterCommand {
            Objects.requireNonNull(owner, "'owner' must not be null");
        }
    }
}
