package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.PerfTypeFit;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.application.port.out.WarmInstanceRepository;
import org.aapf.application.port.out.WarmPoolMetrics;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.common.Timestamps;
import org.aapf.application.service.reconcile.ReconcileTrigger;
import org.aapf.domain.quota.Usage;

/**
 * Validates a cluster request against the catalogue, what the backend can run and the owner's limits, stores it as
 * {@code creating} and wakes the reconciler; a notebook-only request that a warm pool serves takes a warm instance
 * instead and is stored {@code created}. The limit check, the claim and the insert happen under the owner's lock, so
 * two racing creates cannot both pass.
 */
public final class CreateClusterService implements CreateClusterUseCase {

    private final ClusterRepository clusters;
    private final ClusterEventRepository events;
    private final CatalogueSource catalogue;
    private final CatalogueVisibility visibility;
    private final ClusterLimits limits;
    private final UserQuota quota;
    private final PerfTypeFit fit;
    private final ReconcileTrigger reconciler;
    private final Clock clock;
    private final WarmClaims warm;

    @Inject
    public CreateClusterService(ClusterRepository clusters, ClusterEventRepository events, CatalogueSource catalogue,
            CatalogueVisibility visibility, ClusterLimits limits, UserQuota quota, PerfTypeFit fit,
            ReconcileTrigger reconciler, Clock clock, WarmInstanceRepository warm, WarmPoolMetrics poolMetrics) {
        this.clusters = clusters;
        this.events = events;
        this.catalogue = catalogue;
        this.visibility = visibility;
        this.limits = limits;
        this.quota = quota;
        this.fit = fit;
        this.reconciler = reconciler;
        this.clock = clock;
        this.warm = new WarmClaims(warm, poolMetrics);
    }

    @Override
    public void create(CreateClusterCommand command) {
        ClusterName name = ClusterName.chosen(command.name());
        Catalogue current = catalogue.current();
        Map<ServiceKind, ServiceSpec> specs = specs(command, visibility.visibleTo(command.owner(), current));
        if (clusters.findByName(command.owner(), name).isPresent()) {
            throw AapfException.invalid("AACluster named '" + name + "' already exists.");
        }
        Instant now = Timestamps.now(clock);
        AACluster cluster = quota.guarded(command.owner(), () -> {
            AACluster fresh = AACluster.create(ClusterId.random(), command.owner(), name, specs, now);
            quota.check(command.owner(), fresh.id(), "creating AACluster '" + name + "'", Usage.NONE,
                    quota.usageOf(fresh));
            // A claim is final: if storing the cluster fails below, the warm pool keeper removes the claimed instance.
            AACluster stored = warm.claim(command.owner(), name, specs, current, now).orElse(fresh);
            clusters.add(stored);
            return stored;
        });
        events.append(cluster.pullEvents());
        reconciler.wake();
    }

    private Map<ServiceKind, ServiceSpec> specs(CreateClusterCommand command, Catalogue catalogue) {
        Map<ServiceKind, ServiceSpec> specs = new EnumMap<>(ServiceKind.class);
        ServiceRequest notebook = command.jupyterNotebook()
                .orElseThrow(() -> AapfException.invalid("'jupyterNotebook' is required"));
        specs.put(ServiceKind.JUPYTER_NOTEBOOK, spec("jupyterNotebook", notebook, 1, catalogue));
        command.sparkMaster().ifPresent(master ->
                specs.put(ServiceKind.SPARK_MASTER, spec("sparkMaster", master, 1, catalogue)));
        command.sparkWorker().ifPresent(worker -> specs.put(ServiceKind.SPARK_WORKER,
                spec("sparkWorker", worker, limits.maxSparkWorkers(), catalogue)));
        specs.forEach((kind, spec) -> fit.require(field(kind) + ".perfType", catalogue.perfType(spec.perfTypeName())));
        if (specs.containsKey(ServiceKind.SPARK_WORKER) && !specs.containsKey(ServiceKind.SPARK_MASTER)) {
            throw AapfException.invalid("'sparkMaster' is required with 'sparkWorker'");
        }
        return specs;
    }

    private static ServiceSpec spec(String field, ServiceRequest request, int max, Catalogue catalogue) {
        requireText(field + ".image.repositoryName", request.imageRepositoryName());
        requireText(field + ".perfType", request.perfTypeName());
        String image = catalogue.image(request.imageRepositoryName()).repositoryName();
        String perfType = catalogue.perfType(request.perfTypeName()).name();
        int count = request.numberOfInstances().orElse(1);
        if (count < 1 || count > max) {
            throw AapfException.invalid(max == 1
                    ? "'" + field + ".numberOfInstances' must be 1"
                    : "'" + field + ".numberOfInstances' must be between 1 and " + max);
        }
        return new ServiceSpec(image, perfType, count);
    }

    private static String field(ServiceKind kind) {
        return switch (kind) {
            case JUPYTER_NOTEBOOK -> "jupyterNotebook";
            case SPARK_MASTER -> "sparkMaster";
            case SPARK_WORKER -> "sparkWorker";
        };
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw AapfException.invalid("'" + field + "' is required");
        }
    }
}
