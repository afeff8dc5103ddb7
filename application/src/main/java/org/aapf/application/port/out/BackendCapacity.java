package org.aapf.application.port.out;

import java.util.List;
import java.util.Optional;

/**
 * What the backend's hosts can give one instance at most, so that a performance type no host could ever run is not
 * offered (and not accepted) in the first place.
 */
public interface BackendCapacity {

    /** For a backend that cannot say: every performance type is offered. */
    BackendCapacity UNKNOWN = Optional::empty;

    /**
     * The backend's hosts as they are now (Docker: the engine's machine, with a GPU only when the engine has an
     * {@code nvidia} runtime; Kubernetes: every node's allocatable resources). Asks the backend each time.
     *
     * @return empty when the backend cannot be asked right now (unreachable, not allowed to list nodes): nothing is
     *     refused for want of an answer
     */
    Optional<List<HostCapacity>> hosts();
}
