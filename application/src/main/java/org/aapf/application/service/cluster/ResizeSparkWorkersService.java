package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.domain.error.AapfException;
import org.aapf.application.service.reconcile.ReconcileTrigger;
import org.aapf.domain.quota.Usage;

/**
 * Stores a new number of Spark workers and wakes the reconciler, which applies it. Retries when the reconciler saved
 * the same cluster in between (optimistic locking).
 */
public final class ResizeSparkWorkersService implements ResizeSparkWorkersUseCase {

    private final ClusterLimits limits;
    private final OwnerRequests requests;
    private final UserQuota quota;

    @Inject
    public ResizeSparkWorkersService(ClusterRepository clusters, ClusterEventRepository events, ClusterLimits limits,
            UserQuota quota, ReconcileTrigger reconciler, Clock clock) {
        this.limits = limits;
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
        this.quota = quota;
    }

    @Override
    public void resize(ResizeSparkWorkersCommand command) {
        int count = command.numberOfInstances();
        if (count < 1 || count > limits.maxSparkWorkers()) {
            throw AapfException.invalid("'sparkWorker.numberOfInstances' must be between 1 and "
                    + limits.maxSparkWorkers());
        }
        quota.guarded(command.owner(), () -> {
            requests.apply(command.owner(), command.name(), (cluster, now) -> {
                Usage before = quota.usageOf(cluster);
                if (!cluster.resizeSparkWorkers(count, now)) {
                    return false;
                }
                quota.check(command.owner(), cluster.id(), "resizing the Spark workers of AACluster '"
                        + cluster.name() + "' to " + count, before, quota.usageOf(cluster));
                return true;
            });
            return null;
        });
    }
}
