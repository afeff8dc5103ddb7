package org.aapf.application.service.cluster;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.WarmInstance;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.WarmPool;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.UserId;

/**
 * Lets a create take a warm instance: a notebook-only request whose image and performance type have a pool claims one
 * ready instance (atomically, across servers) and becomes a cluster under that instance's id, proxy id and token,
 * {@code created} at once. The reconciler's WarmPoolKeeper finishes the take-over and refills the pool.
 */
final class WarmClaims {

    private final WarmInstanceRepository warm;
    private final WarmPoolMetrics metrics;

    WarmClaims(WarmInstanceRepository warm, WarmPoolMetrics metrics) {
        this.warm = warm;
        this.metrics = metrics;
    }

    /** The new cluster made from a claimed warm instance; empty when no pool serves the request or it is empty. */
    Optional<AACluster> claim(UserId owner, ClusterName name, Map<ServiceKind, ServiceSpec> specs,
            Catalogue catalogue, Instant now) {
        if (specs.size() != 1) {
            return Optional.empty();
        }
        ServiceSpec notebook = specs.get(ServiceKind.JUPYTER_NOTEBOOK);
        Optional<WarmPool> pool = catalogue.poolFor(notebook.imageRepositoryName(), notebook.perfTypeName());
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        Optional<WarmInstance> taken = warm.claim(pool.get().key(), now);
        metrics.claim(pool.get().key(), taken.isPresent());
        return taken.map(instance -> AACluster.createFromWarm(instance.id(), owner, name, specs, instance.access(),
                now));
    }
}
