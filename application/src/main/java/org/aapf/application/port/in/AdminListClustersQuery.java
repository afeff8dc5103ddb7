package org.aapf.application.port.in;

import java.util.List;
import java.util.Optional;
import org.aapf.domain.cluster.ClusterStatus;

/** Every user's AAClusters for an admin, page by page ({@code GET /admin/aaclusters}). */
public interface AdminListClustersQuery {

    /** @throws org.aapf.domain.error.AapfException {@code INVALID_INPUT} for a bad cursor or page size */
    ClusterPage list(ClusterPageRequest request);

    /**
     * @param cursor where the previous page ended ({@link ClusterPage#nextCursor}), empty for the first page
     * @param limit clusters per page, 1 to {@value #MAX_LIMIT}
     */
    record ClusterPageRequest(Optional<String> owner, Optional<ClusterStatus> status, Optional<String> cursor,
            int limit) {

        public static final int MAX_LIMIT = 500;
    }

    /** @param nextCursor present when more clusters follow */
    record ClusterPage(List<OwnedClusterView> clusters, Optional<String> nextCursor) {
    }

    /** A cluster with its owner's username. */
    record OwnedClusterView(String owner, ClusterView cluster) {
    }
}
