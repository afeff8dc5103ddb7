package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.StopClusterUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.application.service.reconcile.ReconcileTrigger;

/** Records the owner's wish to stop a cluster and wakes the reconciler, which carries it out. */
public final class StopClusterService implements StopClusterUseCase {

    private final OwnerRequests requests;

    @Inject
    public StopClusterService(ClusterRepository clusters, ClusterEventRepository events, ReconcileTrigger reconciler,
            Clock clock) {
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
    }

    @Override
    public void stop(StopClusterCommand command) {
        requests.apply(command.owner(), command.name(), AACluster::requestStop);
    }
}
