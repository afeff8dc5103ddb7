package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.application.service.reconcile.ReconcileTrigger;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.domain.quota.Usage;

/** Records the owner's wish to start a cluster and wakes the reconciler, which carries it out. */
public final class StartClusterService implements StartClusterUseCase {

    private final OwnerRequests requests;
    private final UserQuota quota;

    @Inject
    public StartClusterService(ClusterRepository clusters, ClusterEventRepository events, UserQuota quota,
            ReconcileTrigger reconciler, Clock clock) {
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
        this.quota = quota;
    }

    /** Within the owner's limits: the instances that start count again. */
    @Override
    public void start(StartClusterCommand command) {
        quota.guarded(command.owner(), () -> {
            requests.apply(command.owner(), command.name(), (cluster, now) -> {
                Usage before = quota.usageOf(cluster);
                if (!cluster.requestStart(now)) {
                    return false;
                }
                quota.check(command.owner(), cluster.id(), "starting AACluster '" + cluster.name() + "'", before,
                        quota.usageOf(cluster));
                return true;
            });
            return null;
        });
    }
}
