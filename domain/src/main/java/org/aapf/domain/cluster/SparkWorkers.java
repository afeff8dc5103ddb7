package org.aapf.domain.cluster;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.aapf.domain.error.AapfException;

/** The rules for resizing an AACluster's Spark workers, kept apart from {@link AACluster} to keep it readable. */
final class SparkWorkers {

    private SparkWorkers() {
    }

    static void requireResizable(AACluster cluster, int count) {
        if (cluster.isDeleting()) {
            throw AapfException.invalid("AACluster '" + cluster.name() + "' is being deleted.");
        }
        if (cluster.isParked()) {
            throw AapfException.invalid("AACluster '" + cluster.name() + "' is " + cluster.status().apiName()
                    + "; start it before resizing its Spark workers.");
        }
        if (cluster.spec(ServiceKind.SPARK_MASTER).isEmpty()) {
            throw AapfException.invalid("AACluster '" + cluster.name() + "' has no 'sparkMaster' to add workers to.");
        }
        if (count < 1) {
            throw AapfException.invalid("'sparkWorker.numberOfInstances' must be >= 1");
        }
    }

    /** The specs with the worker count set; without a worker spec, one using the master's image and type. */
    static Map<ServiceKind, ServiceSpec> resizedSpecs(Map<ServiceKind, ServiceSpec> specs, int count) {
        ServiceSpec template = specs.getOrDefault(ServiceKind.SPARK_WORKER, specs.get(ServiceKind.SPARK_MASTER));
        Map<ServiceKind, ServiceSpec> resized = new EnumMap<>(specs);
        resized.put(ServiceKind.SPARK_WORKER,
                new ServiceSpec(template.imageRepositoryName(), template.perfTypeName(), count));
        return Collections.unmodifiableMap(ClusterSpecs.require(resized));
    }
}
