package org.aapf.application.service.cluster;

import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import org.aapf.application.port.in.CreateClusterUseCase;
import org.aapf.application.port.out.CatalogueSource;
import org.aapf.application.service.catalogue.CatalogueVisibility;
import org.aapf.application.service.catalogue.PerfTypeFit;
import org.aapf.application.service.quota.UserQuota;
import org.aapf.application.port.out.ClusterEventRepository;
import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.quota.Usage;

/**
 * Validates a cluster request against the catalogue, what the backend can run and the owner's limits, stores it as
 * {@code creating} and wakes the reconciler. The limit check and the insert happen under the owner's lock, so two
 * racing creates cannot both pass.
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

    @Inject
    public CreateClusterService(ClusterRepository clusters, ClusterEventRepository events, CatalogueSource catalogue,
            CatalogueVisibility visibility, ClusterLimits limits, UserQuota quota, PerfTypeFit fit,
            ReconcileTrigger reconciler, Clock clock) {
        this.clusters = clusters;
        this.events = events;
        this.catalogue = catalogue;
        this.visibility = visibility;
        this.limits = limits;
        this.quota = quota;
        this.fit = fit;
        this.reconciler = reconciler;
        this.clock = clock;
    }

    @Override
    public void create(CreateClusterCommand command) {
        ClusterName name = new ClusterName(command.name());
        Map<ServiceKind, ServiceSpec> specs = specs(command, visibility.visibleTo(command.owner(), catalogue.current()));
        if (clusters.findByName(command.owner(), name).isPresent()) {
            throw AapfException.invalid("AACluster named '" + name + "' already exists.");
        }
        AACluster cluster = AACluster.create(ClusterId.random(), command.owner(), name, specs, Timestamps.now(clock));
        quota.guarded(command.owner(), () -> {
            quota.check(command.owner(), cluster.id(), "creating AACluster '" + name + "'", Usage.NONE,
                    quota.usageOf(cluster));
            clusters.add(cluster);
            return cluster;
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
