package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import java.util.Map;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.domain.cluster.ServiceKind;

/** The ClusterIP Service in front of an instance's HTTP port (the notebook, the Spark master UI). */
final class ServiceManifests {

    private ServiceManifests() {
    }

    /** Whether the instance gets a Service: the notebook (the proxy's target) and anything others reach by name. */
    static boolean needsService(DesiredInstance desired) {
        return desired.ref().service() == ServiceKind.JUPYTER_NOTEBOOK || desired.hostname().isPresent();
    }

    /** The Service of one instance; it has the pod's name and selects exactly that pod. */
    static Service service(String serverId, String namespace, DesiredInstance desired, OwnerReference root) {
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(Names.instance(serverId, desired.ref()))
                    .withNamespace(namespace)
                    .withLabels(Labels.owned(serverId, desired))
                    .withAnnotations(Map.of(Labels.SPEC_HASH, desired.specHash()))
                    .withOwnerReferences(root)
                .endMetadata()
                .withNewSpec()
                    .withType("ClusterIP")
                    .withSelector(Labels.instance(serverId, desired.ref()))
                    .withPorts(new ServicePortBuilder()
                            .withName("http")
                            .withProtocol("TCP")
                            .withPort(desired.httpPort())
                            .withTargetPort(new IntOrString(desired.httpPort()))
                            .build())
                .endSpec()
                .build();
    }
}
