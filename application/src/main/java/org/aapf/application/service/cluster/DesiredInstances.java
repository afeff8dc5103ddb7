package org.aapf.application.service.cluster;

import java.util.Optional;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.catalogue.Image;
import org.aapf.domain.catalogue.LaunchSpec;
import org.aapf.domain.catalogue.PerfType;
import org.aapf.domain.catalogue.Placeholders;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;

/**
 * Builds what the backend should run for one instance from the cluster's spec and the current catalogue. Notebook
 * instances get {@code {baseUrl}} = {@code /proxy/<proxyId>/jupyter} and {@code {token}} = their jupyter token;
 * other services get empty ones. Hostnames inside a cluster are fixed: {@code jupyter-notebook},
 * {@code spark-master} (so workers reach {@code spark://spark-master:7077}) and {@code spark-worker-<index>}.
 */
final class DesiredInstances {

    private DesiredInstances() {
    }

    /**
     * @throws AapfException {@code INVALID_INPUT} when the operator removed the image or performance type from the
     *     catalogue since the cluster was requested
     */
    static DesiredInstance of(AACluster cluster, Instance instance, Catalogue catalogue) {
        ServiceSpec spec = cluster.spec(instance.service()).orElseThrow(() -> new IllegalStateException(
                "AACluster " + cluster.id() + " has an instance of a service it did not request"));
        Image image = catalogue.findImage(spec.imageRepositoryName()).orElseThrow(() -> AapfException.invalid(
                "Image '" + spec.imageRepositoryName() + "' is no longer in the catalogue."));
        PerfType perfType = catalogue.findPerfType(spec.perfTypeName()).orElseThrow(() -> AapfException.invalid(
                "Performance type '" + spec.perfTypeName() + "' is no longer in the catalogue."));
        LaunchSpec launch = image.launchFor(instance.service());
        Placeholders values = placeholders(instance, launch.httpPort());
        return new DesiredInstance(new InstanceRef(cluster.id(), instance.service(), instance.index()),
                cluster.owner(), image.reference(), launch.commandFor(values), launch.envFor(values),
                perfType.resources(), launch.httpPort(), launch.healthPathFor(values),
                Optional.of(hostname(instance)));
    }

    static String hostname(Instance instance) {
        return instance.service() == ServiceKind.SPARK_WORKER ? instance.label() : instance.service().apiName();
    }

    private static Placeholders placeholders(Instance instance, int port) {
        return instance.notebook()
                .map(access -> new Placeholders(access.urlPath(), access.token().value(), port))
                .orElseGet(() -> new Placeholders("", "", port));
    }
}
