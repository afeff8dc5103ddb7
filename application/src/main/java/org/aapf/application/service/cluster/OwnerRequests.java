package org.aapf.application.service.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;
import org.aapf.domain.common.Timestamps;
import org.aapf.application.service.reconcile.ReconcileTrigger;

/**
 * Applies an owner's request to one of their clusters, saves it, stores its events and wakes the reconciler. Retries
 * when the reconciler saved the same cluster in between (optimistic locking); a request that changes nothing only
 * wakes the reconciler.
 */
final class OwnerRequests {

    static final int ATTEMPTS = 5;

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final ReconcileTrigger reconciler;
    private final Clock clock;

    OwnerRequests(ClusterRepository clusters, ClusterEventRepository events, ReconcileTrigger reconciler,
            Clock clock) {
        this.clusters = clusters;
        this.events = events;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    /**
     * @param request changes the cluster and answers true, or answers false when nothing needs to change
     * @throws AapfException {@code NOT_FOUND} for an unknown name, {@code UNAVAILABLE} when every attempt lost the race
     */
    void apply(UserId owner, String name, BiPredicate<AACluster, Instant> request) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            AACluster cluster = ClusterLookup.require(clusters, owner, name);
            if (!request.test(cluster, Timestamps.now(clock))) {
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
