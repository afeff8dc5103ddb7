package org.aapf.application.service.cluster;

import org.aapf.application.port.out.ClusterRepository;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;

/** Finds a user's cluster by name; another user's cluster is reported exactly like a missing one. */
final class ClusterLookup {

    private ClusterLookup() {
    }

    static AACluster require(ClusterRepository clusters, UserId owner, String name) {
        ClusterName clusterName = new ClusterName(name);
        return clusters.findByName(owner, clusterName).orElseThrow(() -> notFound(clusterName));
    }

    static AapfException notFound(ClusterName name) {
        return AapfException.notFound("AACluster named '" + name + "' was not found.");
    }
}
