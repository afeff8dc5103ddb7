package org.aapf.application.port.in;

import java.util.Objects;
import java.util.Optional;
import org.aapf.domain.user.UserId;

/**
 * Accepts a new AACluster: validates it, stores its desired state and wakes the reconciler, without waiting for any
 * backend (the API answers 202).
 */
public interface CreateClusterUseCase {

    /**
     * @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for an invalid or duplicate name (per
     *     owner, also under a race), a missing {@code jupyterNotebook}, an unknown image ("Unknown image 'x'.") or
     *     performance type ("Unknown performance type 'x'."), or a number of instances out of range
     */
    void create(CreateClusterCommand command);

    /**
     * The request body of {@code POST /aaclusters/{name}}, as sent; the use case validates every field.
     *
     * @param jupyterNotebook required; empty makes the request invalid
     */
    record CreateClusterCommand(UserId owner, String name, Optional<ServiceRequest> jupyterNotebook,
            Optional<ServiceRequest> sparkMaster, Optional<ServiceRequest> sparkWorker) {

        public CreateClusterCommand {
            Objects.requireNonNull(owner, "'owner' must not be null");
            Objects.requireNonNull(jupyterNotebook, "'jupyterNotebook' must not be null (use empty)");
            Objects.requireNonNull(sparkMaster, "'sparkMaster' must not be null (use empty)");
            Objects.requireNonNull(sparkWorker, "'sparkWorker' must not be null (use empty)");
        }
    }

    /**
     * One requested service. Strings may be null or blank when the client omitted them (reported as invalid input).
     *
     * @param imageRepositoryName {@code image.repositoryName}
     * @param perfTypeName {@code perfType}
     * @param numberOfInstances empty means 1; the notebook and the master allow only 1, workers 1 to a configured
     *     maximum
     */
    record ServiceRequest(String imageRepositoryName, String perfTypeName, Optional<Integer> numberOfInstances) {

        public ServiceRequest {
            Objects.requireNonNull(numberOfInstances, "'numberOfInstances' must not be null (use empty)");
        }

        public static ServiceRequest of(String imageRepositoryName, String perfTypeName) {
            return new ServiceRequest(imageRepositoryName, perfTypeName, Optional.empty());
        }
    }
}
