package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.application.service.reconcile.ReconcileTrigger;

/**
 * Marks a cluster {@code deleting} and wakes the reconciler, which removes it once the backend holds nothing of it.
 * Retries when the reconciler saved the same cluster in between (optimistic locking).
 */
public final class DeleteClusterService implements DeleteClusterUseCase {

    private final OwnerRequests requests;

    @Inject
    public DeleteClusterService(ClusterRepository clusters, ClusterEventRepository events, ReconcileTrigger reconciler,
            Clock clock) {
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
    }

    @Override
    public void delete(DeleteClusterCommand command) {
        requests.apply(command.owner(), command.name(), AACluster::requestDeletion);
    }
}
