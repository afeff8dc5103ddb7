package org.aapf.domain.cluster;

import java.util.Map;
import java.util.Objects;
import org.aapf.domain.error.AapfException;

/** The rules every AACluster's set of services follows: a single notebook, at most one master, workers need it. */
final class ClusterSpecs {

    private ClusterSpecs() {
    }

    static Map<ServiceKind, ServiceSpec> require(Map<ServiceKind, ServiceSpec> specs) {
        Objects.requireNonNull(specs, "'specs' must not be null");
        if (!specs.containsKey(ServiceKind.JUPYTER_NOTEBOOK)) {
            throw AapfException.invalid("'jupyterNotebook' is required");
        }
        requireSingle(specs, ServiceKind.JUPYTER_NOTEBOOK, "jupyterNotebook");
        requireSingle(specs, ServiceKind.SPARK_MASTER, "sparkMaster");
        if (specs.containsKey(ServiceKind.SPARK_WORKER) && !specs.containsKey(ServiceKind.SPARK_MASTER)) {
            throw AapfException.invalid("'sparkMaster' is required with 'sparkWorker'");
        }
        return specs;
    }

    private static void requireSingle(Map<ServiceKind, ServiceSpec> specs, ServiceKind kind, String field) {
        ServiceSpec spec = specs.get(kind);
        if (spec != null && spec.numberOfInstances() != 1) {
            throw AapfException.invalid("'" + field + ".numberOfInstances' must be 1");
        }
    }
}
