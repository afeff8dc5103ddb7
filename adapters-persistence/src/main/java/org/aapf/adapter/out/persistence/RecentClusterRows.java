package org.aapf.adapter.out.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Map<String, List<ServiceRow>> services = new HashMap<>();
        rows.services().forEach(row -> services.computeIfAbsent(row.clusterId(), id -> new ArrayList<>()).add(row));
        Map<String, List<InstanceRow>> instances = new HashMap<>();
        rows.instances().forEach(row -> instances.computeIfAbsent(row.clusterId(), id -> new ArrayList<>()).add(row));
        Map<String, List<AlertRow>> clusterAlerts = new HashMap<>();
        rows.clusterAlerts().forEach(row -> clusterAlerts.computeIfAbsent(row.clusterId(), id -> new ArrayList<>())
                .add(row));
        Map<String, List<AlertRow>> instanceAlerts = new HashMap<>();
        rows.instanceAlerts().forEach(row -> instanceAlerts.computeIfAbsent(row.clusterId(), id -> new ArrayList<>())
                .add(row));
        for (ClusterRow cluster : rows.clusters()) {
            String id = cluster.id();
            byId.put(id, new ClusterRows(List.of(cluster), List.copyOf(services.getOrDefault(id, List.of())),
                    List.copyOf(instances.getOrDefault(id, List.of())),
                    List.copyOf(clusterAlerts.getOrDefault(id, List.of())),
                    List.copyOf(instanceAlerts.getOrDefault(id, List.of()))));
        }
    }
}
