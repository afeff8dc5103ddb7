package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.application.service.reconcile.ReconcileTrigger;

/** Records the owner's wish to start a cluster and wakes the reconciler, which carries it out. */
public final class StartClusterService implements StartClusterUseCase {

    private final OwnerRequests requests;

    @Inject
    public StartClusterService(ClusterRepository clusters, ClusterEventRepository events, ReconcileTrigger reconciler,
            Clock clock) {
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
    }

    @Override
    public void start(StartClusterCommand command) {
        requests.apply(command.owner(), command.name(), AACluster::requestStart);
    }
}
