package org.aapf.adapter.out.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.Map;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.user.UserId;

/**
 * The per-cluster objects: a root ConfigMap that owns every other object of the cluster (deleting it lets the
 * garbage collector remove the rest), and a headless Service that gives the cluster's pods a private DNS subdomain.
 */
final class ClusterManifests {

    private ClusterManifests() {
    }

    /** The root object of a cluster; it carries no configuration, only ownership. */
    static ConfigMap root(String serverId, String namespace, ClusterId cluster, UserId owner) {
        return new ConfigMapBuilder()
                .withNewMetadata()
                    .withName(Names.cluster(serverId, cluster))
                    .withNamespace(namespace)
                    .withLabels(Labels.root(serverId, cluster, owner))
                .endMetadata()
                .withData(Map.of("purpose", "Owns the objects of one AAPF cluster; deleting it removes them."))
                .build();
    }

    /** A reference making an object a dependent of the cluster's root (needs the root's uid from the server). */
    static OwnerReference ownedBy(ConfigMap root) {
        return new OwnerReferenceBuilder()
                .withApiVersion("v1")
                .withKind("ConfigMap")
                .withName(root.getMetadata().getName())
                .withUid(root.getMetadata().getUid())
                .withBlockOwnerDeletion(true)
                .withController(true)
                .build();
    }

    /**
     * The headless Service whose name is the subdomain of the cluster's pods: a pod with {@code hostname: h} is
     * reachable as {@code h.<service>.<namespace>.svc.<domain>}, on every port, even before it is ready.
     */
    static Service subdomain(String serverId, String namespace, ClusterId cluster, UserId owner,
            OwnerReference root) {
        return new ServiceBuilder()
                .withNewMetadata()
                    .withName(subdomainName(serverId, cluster))
                    .withNamespace(namespace)
                    .withLabels(Labels.root(serverId, cluster, owner))
                    .withOwnerReferences(root)
                .endMetadata()
                .withNewSpec()
                    .withClusterIP("None")
                    .withPublishNotReadyAddresses(true)
                    .withSelector(Labels.cluster(serverId, cluster))
                .endSpec()
                .build();
    }

    /** The name of the cluster's headless Service, which is also its pods' DNS subdomain. */
    static String subdomainName(String serverId, ClusterId cluster) {
        return Names.cluster(serverId, cluster);
    }

    /** The DNS search domain that makes a bare hostname resolve within the cluster's subdomain. */
    static String searchDomain(String serverId, ClusterId cluster, String namespace, String clusterDomain) {
        return subdomainName(serverId, cluster) + "." + namespace + ".svc." + clusterDomain;
    }
}
