package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.aapf.application.port.in.StartClusterUseCase;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.port.out.ClusterBackend;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.service.reconcile.ReconcileTrigger;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.common.Timestamps;
import org.aapf.domain.quota.Usage;
import org.aapf.domain.user.UserId;

/**
 * Records the owner's wish to start a cluster and wakes the reconciler, which carries it out; a stopped notebook-only
 * cluster whose pool has a warm instance starts on that instance instead, {@code created} at once
 * ({@link WarmStarts}).
 */
public final class StartClusterService implements StartClusterUseCase {

    private final ClusterRepository clusters;
    private final OwnerRequests requests;
    private final UserQuota quota;
    private final CatalogueSource catalogue;
    private final ReconcileTrigger reconciler;
    private final Clock clock;
    private final WarmStarts warm;

    @Inject
    public StartClusterService(ClusterRepository clusters, ClusterEventRepository events, UserQuota quota,
            ReconcileTrigger reconciler, Clock clock, CatalogueSource catalogue, WarmInstanceRepository warm,
            WarmPoolMetrics poolMetrics, ClusterBackend backend) {
        this.clusters = clusters;
        this.requests = new OwnerRequests(clusters, events, reconciler, clock);
        this.quota = quota;
        this.catalogue = catalogue;
        this.reconciler = reconciler;
        this.clock = clock;
        this.warm = new WarmStarts(clusters, events, warm, poolMetrics, backend);
    }

    /** Within the owner's limits: the instances that start count again. */
    @Override
    public void start(StartClusterCommand command) {
        quota.guarded(command.owner(), () -> {
            if (!startWarm(command)) {
                requests.apply(command.owner(), command.name(),
                        (cluster, now) -> requestStart(command.owner(), cluster, now));
            }
            return null;
        });
    }

    private boolean startWarm(StartClusterCommand command) {
        AACluster cluster = ClusterLookup.require(clusters, command.owner(), command.name());
        if (!cluster.mayStartWarm()) {
            return false;
        }
        Instant now = Timestamps.now(clock);
        requestStart(command.owner(), ClusterLookup.require(clusters, command.owner(), command.name()), now);
        if (!warm.start(cluster, catalogue.current(), now)) {
            return false;
        }
        reconciler.wake();
        return true;
    }

    /** Asks a cold start of the cluster; throws when the started cluster would exceed the owner's limits. */
    private boolean requestStart(UserId owner, AACluster cluster, Instant now) {
        Usage before = quota.usageOf(cluster);
        if (!cluster.requestStart(now)) {
            return false;
        }
        quota.check(owner, cluster.id(), "starting AACluster '" + cluster.name() + "'", before,
                quota.usageOf(cluster));
        return true;
    }
}
