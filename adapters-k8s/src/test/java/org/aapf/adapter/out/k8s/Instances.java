package org.aapf.adapter.out.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.catalogue.Resources;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;

/** Desired instances for tests. */
final class Instances {

    static final String SERVER = "aapf-test";
    static final UserId OWNER = UserId.parse("6f1c1a52-3a9e-4a53-9d2e-0b3c5e7f9a11");

    private Instances() {
    }

    static DesiredInstance notebook(ClusterId cluster) {
        return new DesiredInstance(new InstanceRef(cluster, ServiceKind.JUPYTER_NOTEBOOK, 1), OWNER,
                "aapf/jupyter-notebook:6.4", List.of("start-notebook.sh", "--NotebookApp.base_url=/proxy/x"),
                Map.of("JUPYTER_TOKEN", "t0ken", "SPARK_MASTER", "spark://spark-master:7077"),
                new Resources(1.5, 4096, Optional.empty()), 8888, Optional.of("/proxy/x/jupyter/api/status"),
                Optional.empty());
    }

    static DesiredInstance sparkMaster(ClusterId cluster) {
        return new DesiredInstance(new InstanceRef(cluster, ServiceKind.SPARK_MASTER, 1), OWNER,
                "aapf/spark:3.5", List.of(), Map.of(), new Resources(2, 2048, Optional.empty()), 8080,
                Optional.of("/"), Optional.of("spark-master"));
    }

    static DesiredInstance gpuWorker(ClusterId cluster, int index) {
        return new DesiredInstance(new InstanceRef(cluster, ServiceKind.SPARK_WORKER, index), OWNER,
                "aapf/spark:3.5", List.of(), Map.of(), new Resources(0.25, 512, Optional.of(2)), 8081,
                Optional.empty(), Optional.empty());
    }

    static DesiredInstance withImage(DesiredInstance desired, String image) {
        return new DesiredInstance(desired.ref(), desired.owner(), image, desired.command(), desired.env(),
                desired.resources(), desired.httpPort(), desired.healthPath(), desired.hostname());
    }
}
