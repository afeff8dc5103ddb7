package org.aapf.application.port.in;

import java.util.Objects;
import org.aapf.domain.user.UserId;

/**
 * Accepts a new number of Spark workers for an AACluster, in any state but {@code deleting}: stores it and wakes the
 * reconciler, which starts the missing workers or removes the surplus, highest indexes first (the API answers 202).
 */
public interface ResizeSparkWorkersUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name;
     *     {@code INVALID_INPUT} for an invalid name, a cluster without a Spark master or being deleted, or a count
     *     outside 1 to the operator's maximum
     */
    void resize(ResizeSparkWorkersCommand command);

    /** @param numberOfInstances the workers wanted */
    record ResizeSparkWorkersCommand(UserId owner, String name, int numberOfInstances) {

        public ResizeSparkWorkersCommand {
            Objects.requireNonNull(owner, "'owner' must not be null");
        }
    }
}
