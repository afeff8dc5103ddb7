package org.aapf.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.aapf.domain.catalogue.Catalogue;
import org.aapf.domain.user.UserId;

/** Lists a user's AAClusters, sorted by name; empty when they have none. */
public interface ListClustersQuery {

    /**
     * The owner's clusters as they are stored now. {@code known}, a list this query returned earlier, is returned
     * itself (the same instance) when it is still exactly what a fresh list would hold: the owner's clusters have not
     * changed since (on any server sharing the storage) and it was made with the current catalogue. That costs one
     * small read instead of reading every cluster, so a caller that keeps the list it answered last, with whatever it
     * made of it, can reuse that while this returns the same instance.
     */
    default ClusterList list(UserId owner, Optional<ClusterList> known) {
        return list(owner, OptionalLong.empty(), known);
    }

    /**
     * As {@link #list(UserId, Optional)}, with the owner's list version already read from storage in this request
     * (authentication reads it with the caller's credential, {@link AuthenticatedUser#listVersion()}): then an
     * unchanged {@code known} list costs no read at all. Storage is read for the version when it is empty.
     */
    ClusterList list(UserId owner, OptionalLong listVersion, Optional<ClusterList> known);

    /** The owner's clusters, read whole. */
    default List<ClusterView> list(UserId owner) {
        return list(owner, Optional.empty()).clusters();
    }

    /**
     * A user's clusters, sorted by name, with what they were made from.
     *
     * @param version the owner's list version (storage's) read before the clusters were
     * @param catalogue the catalogue the views were made with
     */
    record ClusterList(UserId owner, long version, Catalogue catalogue, List<ClusterView> clusters) {

        public ClusterList {
            Objects.requireNonNull(owner, "'owner' must not be null");
            Objects.requireNonNull(catalogue, "'catalogue' must not be null");
            clusters = List.copyOf(clusters);
        }
    }
}
