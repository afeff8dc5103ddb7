package org.aapf.application.port.out;

import java.util.List;
import java.util.Optional;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.ClusterStatus;

/** Every user's AAClusters for an admin, a page at a time in the order of owner name, then cluster name. */
public interface ClusterDirectory {

    /**
     * Up to {@code limit} clusters after {@code after} (exclusive), ordered by owner username then cluster name, in a
     * constant number of queries whatever the number of clusters stored.
     *
     * @param owner only this owner's (by exact username)
     * @param status only clusters in this status
     */
    List<OwnedCluster> page(Optional<String> owner, Optional<ClusterStatus> status, Optional<PageKey> after,
            int limit);

    /** A cluster with the username of its owner. */
    record OwnedCluster(String owner, AACluster cluster) {
    }

    /** Where a page ends: the owner's username and the cluster's name. */
    record PageKey(String owner, String name) {
    }
}
