package org.aapf.adapter.out.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import java.util.Optional;

/**
 * The rows of clusters read lately, each kept under its {@code clusters} row. Every change of a cluster's rows
 * advances the version in that row in the same transaction ({@link ClusterWriteDao#advance}), so rows kept under a
 * {@code clusters} row equal to the one the database holds now are what a fresh read would return: a read asks the
 * database for that one row (on every request, so a change made by any server process is seen at once) and reads the
 * other tables only when the version moved on.
 */
final class RecentClusterRows {

    /** Enough for every cluster of a large installation; an entry is a few kilobytes. */
    private static final int CLUSTERS = 4_096;

    private final Cache<String, ClusterRows> byId = Caffeine.newBuilder()
            .maximumSize(CLUSTERS)
            .executor(Runnable::run)
            .build();

    /** The kept rows of the cluster whose {@code clusters} row is {@code current}, if they are still current. */
    Optional<ClusterRows> current(ClusterRow current) {
        ClusterRows rows = byId.getIfPresent(current.id());
        return rows != null && rows.clusters().getFirst().equals(current) ? Optional.of(rows) : Optional.empty();
    }

    /** Keeps the rows of every cluster in {@code rows} (read in one snapshot). */
    void remember(ClusterRows rows) {
        rows.perCluster().forEach((id, one) -> {
            if (!one.clusters().isEmpty()) {
                byId.put(id, new ClusterRows(List.copyOf(one.clusters()), List.copyOf(one.services()),
                        List.copyOf(one.instances()), List.copyOf(one.clusterAlerts()),
                        List.copyOf(one.instanceAlerts())));
            }
        });
    }
}
