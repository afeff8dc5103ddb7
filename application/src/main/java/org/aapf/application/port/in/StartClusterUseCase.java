package org.aapf.application.port.in;

import java.util.Objects;
import org.aapf.domain.user.UserId;

/**
 * Accepts starting a stopped AACluster: marks it {@code creating} and wakes the reconciler (the API answers 202), which
 * creates its instances again with the same spec, workspace and notebook address. Starting a running cluster is
 * harmless.
 */
public interface StartClusterUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code NOT_FOUND} when the owner has no cluster of that name,
     *     {@code INVALID_INPUT} for an invalid name or a cluster being deleted
     */
    void start(StartClusterCommand command);

    record StartClusterCommand(UserId owner, String name) {

        public StartClusterCommand {
            Objects.requireNonNull(owner, "'owner' must not be null");
        }
    }
}
