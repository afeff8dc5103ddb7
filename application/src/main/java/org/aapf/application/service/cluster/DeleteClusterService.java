package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.DeleteClusterUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.error.AapfException;

/**
 * Marks a cluster {@code deleting} and wakes the reconciler, which removes it once the backend holds nothing of it.
 * Retries when the reconciler saved the same cluster in between (optimistic locking).
 */
public final class DeleteClusterService implements DeleteClusterUseCase {

    static final int ATTEMPTS = 5;

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final ReconcileTrigger reconciler;
    private final Clock clock;

    @Inject
    public DeleteClusterService(ClusterRepository clusters, ClusterEventRepository events, ReconcileTrigger reconciler,
            Clock clock) {
        this.clusters = clusters;
        this.events = events;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    public void delete(DeleteClusterCommand command) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AACluster cluster = ClusterLookup.require(clusters, command.owner(), command.name());
            if (!cluster.requestDeletion(Timestamps.now(clock))) {
                reconciler.wake();
                return;
            }
            if (clusters.update(cluster)) {
                events.append(cluster.pullEvents());
                reconciler.wake();
                return;
            }
        }
        throw AapfException.unavailable("The AACluster is busy; please try again.", null);
    }
}
