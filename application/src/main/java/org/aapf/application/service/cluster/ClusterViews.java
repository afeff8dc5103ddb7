package org.aapf.application.service.cluster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ClusterView;
import org.aapf.application.port.in.ImageView;
import org.aapf.application.port.in.InstanceView;
import org.aapf.application.port.in.PerfTypeView;
import org.aapf.application.port.in.ServiceView;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.JupyterToken;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;

/**
 * Turns a cluster into what the API shows. An image the operator has since removed from the catalogue is shown by
 * its repository name only; a removed performance type is shown as {@code {}}.
 */
final class ClusterViews {

    private ClusterViews() {
    }

    static ClusterView of(AACluster cluster, Catalogue catalogue) {
        List<ServiceView> services = Arrays.stream(ServiceKind.values())
                .map(kind -> service(cluster, kind, catalogue))
                .toList();
        return new ClusterView(cluster.name().value(), cluster.status(), services, cluster.createdAt());
    }

    private static ServiceView service(AACluster cluster, ServiceKind kind, Catalogue catalogue) {
        return cluster.spec(kind)
                .map(spec -> requested(cluster, kind, spec, catalogue))
                .orElseGet(() -> ServiceView.notRequested(kind));
    }

    private static ServiceView requested(AACluster cluster, ServiceKind kind, ServiceSpec spec, Catalogue catalogue) {
        List<Instance> instances = cluster.instancesOf(kind);
        List<Alert> alerts = new ArrayList<>(cluster.alerts());
        instances.forEach(instance -> alerts.addAll(instance.alerts()));
        ImageView image = catalogue.findImage(spec.imageRepositoryName())
                .map(ImageView::from)
                .orElseGet(() -> new ImageView(spec.imageRepositoryName(), spec.imageRepositoryName(), ""));
        return new ServiceView(kind, spec.numberOfInstances(), instances.stream().map(ClusterViews::instance).toList(),
                Optional.of(image), catalogue.findPerfType(spec.perfTypeName()).map(PerfTypeView::from),
                alerts);
    }

    private static InstanceView instance(Instance instance) {
        return new InstanceView(instance.index(), instance.status(), instance.health(), instance.createdAt(),
                instance.updatedAt(), instance.notebook().map(NotebookAccess::urlPath),
                instance.notebook().map(NotebookAccess::token).map(JupyterToken::value));
    }
}
