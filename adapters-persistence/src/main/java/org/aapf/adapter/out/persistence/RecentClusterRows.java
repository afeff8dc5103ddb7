package org.aapf.adapter.out.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;

/**
 * The clusters read lately, each kept as parsed ({@link StoredCluster}) under the {@code clusters} row it was read
 * with. Every change of a cluster's rows advances the version in that row in the same transaction
 * ({@link ClusterWriteDao#advance}), so a cluster kept under a {@code clusters} row equal to the one the database holds
 * now is what a fresh read would return: a read asks the database for that one row (on every request, so a change
 * made by any server process is seen at once) and reads the other tables only when the version moved on.
 */
final class RecentClusterRows {

    /** Every cluster of a large installation (each about 2 KB; read by the reconciler's passes too). */
    private static final int CLUSTERS = 10_000;

    private final Cache<String, StoredCluster> byId = Caffeine.newBuilder()
            .maximumSize(CLUSTERS)
            .executor(Runnable::run)
            .build();

    /** The kept cluster whose {@code clusters} row is {@code current}, if it is still current. */
    Optional<StoredCluster> current(ClusterRow current) {
        StoredCluster kept = byId.getIfPresent(current.id());
        return kept != null && kept.row().equals(current) ? Optional.of(kept) : Optional.empty();
    }

    /** The kept cluster of this id if it is kept at this version. */
    Optional<StoredCluster> at(String id, long version) {
        StoredCluster kept = byId.getIfPresent(id);
        return kept != null && kept.row().version() == version ? Optional.of(kept) : Optional.empty();
    }

    /** Keeps these clusters (read in one snapshot). */
    void remember(List<StoredCluster> clusters) {
        clusters.forEach(cluster -> byId.put(cluster.row().id(), cluster));
    }
}
