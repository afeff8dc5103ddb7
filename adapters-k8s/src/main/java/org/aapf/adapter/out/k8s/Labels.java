package org.aapf.adapter.out.k8s;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.DesiredInstance;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.user.UserId;

/** The labels and annotations that mark what an AAPF server owns, and how to read an instance back from them. */
final class Labels {

    static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    static final String MANAGER = "aapf";
    static final String SERVER = "aapf.org/server";
    static final String CLUSTER = "aapf.org/cluster";
    static final String SERVICE = "aapf.org/service";
    static final String INDEX = "aapf.org/index";
    static final String OWNER = "aapf.org/owner";
    static final String SPEC_HASH = "aapf.org/spec-hash";
    /** Marks a cluster's workspace claim. */
    static final String WORKSPACE = "aapf.org/workspace";

    private Labels() {
    }

    /** Everything this server owns. */
    static Map<String, String> server(String serverId) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(MANAGED_BY, MANAGER);
        labels.put(SERVER, serverId);
        return labels;
    }

    /** Everything of one cluster: the selector of the cluster's headless Service. */
    static Map<String, String> cluster(String serverId, ClusterId cluster) {
        Map<String, String> labels = server(serverId);
        labels.put(CLUSTER, cluster.toString());
        return labels;
    }

    /** One instance: the selector of its Service. */
    static Map<String, String> instance(String serverId, InstanceRef ref) {
        Map<String, String> labels = cluster(serverId, ref.cluster());
        labels.put(SERVICE, ref.service().apiName());
        labels.put(INDEX, Integer.toString(ref.index()));
        return labels;
    }

    /** The labels of the cluster's root object: the cluster's plus its owner. */
    static Map<String, String> root(String serverId, ClusterId cluster, UserId owner) {
        Map<String, String> labels = cluster(serverId, cluster);
        labels.put(OWNER, owner.toString());
        return labels;
    }

    /** The labels of an instance's objects: the instance's plus its owner. */
    static Map<String, String> owned(String serverId, DesiredInstance desired) {
        Map<String, String> labels = instance(serverId, desired.ref());
        labels.put(OWNER, desired.owner().toString());
        return labels;
    }

    /** The instance an object belongs to, or empty when its labels are not (fully) ours. */
    static Optional<InstanceRef> refOf(Map<String, String> labels) {
        if (labels == null) {
            return Optional.empty();
        }
        try {
            Optional<ServiceKind> kind = ServiceKind.fromApiName(labels.getOrDefault(SERVICE, ""));
            String cluster = labels.get(CLUSTER);
            String index = labels.get(INDEX);
            if (kind.isEmpty() || cluster == null || index == null) {
                return Optional.empty();
            }
            return Optional.of(new InstanceRef(ClusterId.parse(cluster), kind.get(), Integer.parseInt(index)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The owner label, or empty when missing or malformed. */
    static Optional<UserId> ownerOf(Map<String, String> labels) {
        try {
            return Optional.ofNullable(labels == null ? null : labels.get(OWNER)).map(UserId::parse);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
