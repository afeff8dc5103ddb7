package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import java.util.Map;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * The per-cluster NetworkPolicy: the cluster's pods accept connections only from the pods of the same cluster and
 * from the AAPF server's pods, so no notebook can reach another cluster's notebook or Spark master. Other traffic
 * (egress, DNS) is left alone. It takes effect where the cluster's network plugin enforces NetworkPolicies.
 */
final class NetworkPolicyManifests {

    /** The label every AAPF server pod carries (deploy/kubernetes/deployment.yaml). */
    static final Map<String, String> SERVER_POD_LABELS = Map.of("app.kubernetes.io/name", "aapf");
    /** Set by Kubernetes on every namespace (1.21+): selects a namespace by its name. */
    static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private NetworkPolicyManifests() {
    }

    /**
     * @param serverNamespace the namespace the AAPF server pods run in
     */
    static NetworkPolicy isolation(String serverId, String namespace, ClusterId cluster, UserId owner,
            OwnerReference root, String serverNamespace) {
        LabelSelector clusterPods = selector(Labels.cluster(serverId, cluster));
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                    .withName(Names.cluster(serverId, cluster))
                    .withNamespace(namespace)
                    .withLabels(Labels.root(serverId, cluster, owner))
                    .withOwnerReferences(root)
                .endMetadata()
                .withNewSpec()
                    .withPodSelector(clusterPods)
                    .withPolicyTypes("Ingress")
                    .addNewIngress()
                        .addToFrom(new NetworkPolicyPeerBuilder().withPodSelector(clusterPods).build())
                        .addToFrom(new NetworkPolicyPeerBuilder()
                                .withNamespaceSelector(selector(Map.of(NAMESPACE_NAME_LABEL, serverNamespace)))
                                .withPodSelector(selector(SERVER_POD_LABELS))
                                .build())
                    .endIngress()
                .endSpec()
                .build();
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(labels).build();
    }
}
