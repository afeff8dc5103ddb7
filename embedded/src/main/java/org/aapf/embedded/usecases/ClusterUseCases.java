package org.aapf.embedded.usecases;

import java.util.Objects;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.in.GetClusterQuery;
import org.aapf.application.port.in.ListClusterEventsQuery;
import org.aapf.application.port.in.ListClustersQuery;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.in.ResolveNotebookRouteQuery;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.in.StopClusterUseCase;

/**
 * A user's AAClusters: create, delete, stop, start, list, read, their event history, and where a notebook's proxy path
 * leads.
 * Every use case takes the owner's {@link org.aapf.domain.user.UserId}; the caller vouches for it.
 */
public record ClusterUseCases(CreateClusterUseCase create, DeleteClusterUseCase delete, ListClustersQuery list,
        GetClusterQuery get, ListClusterEventsQuery events, ResolveNotebookRouteQuery notebookRoutes,
        ResizeSparkWorkersUseCase resizeSparkWorkers, StopClusterUseCase stop, StartClusterUseCase start) {

    public ClusterUseCases {
        Objects.requireNonNull(create, "'create' must not be null");
        Objects.requireNonNull(delete, "'delete' must not be null");
        Objects.requireNonNull(list, "'list' must not be null");
        Objects.requireNonNull(get, "'get' must not be null");
        Objects.requireNonNull(events, "'events' must not be null");
        Objects.requireNonNull(notebookRoutes, "'notebookRoutes' must not be null");
        Objects.requireNonNull(resizeSparkWorkers, "'resizeSparkWorkers' must not be null");
        Objects.requireNonNull(stop, "'stop' must not be null");
        Objects.requireNonNull(start, "'start' must not be null");
    }
}
