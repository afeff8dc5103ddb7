package org.aapf.application.service.reconcile;

import java.util.HashMap;
import java.util.Map;
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
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.error.AapfException;

/**
 * Builds what the backend should run for one instance from the cluster's spec and the current catalogue. Notebook
 * instances get {@code {baseUrl}} = {@code /proxy/<proxyId>/jupyter} and {@code {token}} = their jupyter token;
 * other services get empty ones. Hostnames inside a cluster are fixed: {@code jupyter-notebook},
 * {@code spark-master} (so workers reach {@code spark://spark-master:7077}) and {@code spark-worker-<index>}; they
 * are also the {@code {hostname}} placeholder, and {@code {cpus}}/{@code {memoryMiB}} come from the performance type.
 * In a cluster with a Spark master, the notebook's environment names the master ({@link #SPARK_MASTER_URL}) unless
 * the catalogue sets those variables itself.
 */
final class DesiredInstances {

    /** Where a cluster's Spark master listens, by its stable hostname and Spark's standard port. */
    static final String SPARK_MASTER_URL = "spark://spark-master:7077";

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
        Placeholders values = placeholders(instance, launch.httpPort(), perfType);
        return new DesiredInstance(new InstanceRef(cluster.runtimeId(), instance.service(), instance.index()),
                cluster.owner(), image.reference(), launch.commandFor(values), env(cluster, instance, launch, values),
                perfType.resources(), launch.httpPort(), launch.healthPathFor(values),
                Optional.of(hostname(instance)), workspacePath(instance, launch));
    }

    /** The notebook mounts the cluster's workspace where its image says; Spark keeps scratch space only. */
    private static Optional<String> workspacePath(Instance instance, LaunchSpec launch) {
        return instance.service() == ServiceKind.JUPYTER_NOTEBOOK
                ? Optional.of(launch.notebookWorkspacePath())
                : Optional.empty();
    }

    static String hostname(Instance instance) {
        return hostname(instance.service(), instance.index());
    }

    static String hostname(ServiceKind service, int index) {
        return service == ServiceKind.SPARK_WORKER ? service.apiName() + "-" + index : service.apiName();
    }

    private static Placeholders placeholders(Instance instance, int port, PerfType perfType) {
        String baseUrl = instance.notebook().map(NotebookAccess::urlPath).orElse("");
        String token = instance.notebook().map(access -> access.token().value()).orElse("");
        return new Placeholders(baseUrl, token, port, hostname(instance), perfType.resources());
    }

    /** The notebook of a cluster with a master learns the master URL (pyspark's default master too). */
    private static Map<String, String> env(AACluster cluster, Instance instance, LaunchSpec launch,
            Placeholders values) {
        Map<String, String> env = new HashMap<>();
        if (instance.service() == ServiceKind.JUPYTER_NOTEBOOK && cluster.spec(ServiceKind.SPARK_MASTER).isPresent()) {
            env.put("SPARK_MASTER_URL", SPARK_MASTER_URL);
            env.put("PYSPARK_SUBMIT_ARGS", "--master " + SPARK_MASTER_URL + " pyspark-shell");
        }
        env.putAll(launch.envFor(values));
        return env;
    }
}
