package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import org.aapf.application.port.in.ResizeSparkWorkersUseCase;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.error.AapfException;

/**
 * Stores a new number of Spark workers and wakes the reconciler, which applies it. Retries when the reconciler saved
 * the same cluster in between (optimistic locking).
 */
public final class ResizeSparkWorkersService implements ResizeSparkWorkersUseCase {

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final ClusterLimits limits;
    private final ReconcileTrigger reconciler;
    private final Clock clock;

    @Inject
    public ResizeSparkWorkersService(ClusterRepository clusters, ClusterEventRepository events, ClusterLimits limits,
            ReconcileTrigger reconciler, Clock clock) {
        this.clusters = clusters;
        this.events = events;
        this.limits = limits;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    public void resize(ResizeSparkWorkersCommand command) {
        int count = command.numberOfInstances();
        if (count < 1 || count > limits.maxSparkWorkers()) {
            throw AapfException.invalid("'sparkWorker.numberOfInstances' must be between 1 and "
                    + limits.maxSparkWorkers());
        }
        for (int attempt = 1; attempt <= DeleteClusterService.ATTEMPTS; attempt++) {
            AACluster cluster = ClusterLookup.require(clusters, command.owner(), command.name());
            if (!cluster.resizeSparkWorkers(count, Timestamps.now(clock))) {
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
