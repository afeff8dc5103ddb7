package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what differs between a cluster's stored child rows and its new ones: the instances whose state changed,
 * the alert lists that changed, nothing else. Specs and notebook access never change after creation.
 */
final class ClusterChanges {

    private ClusterChanges() {
    }

    /** Writes the difference in batches; {@code stored} holds the current instances and alerts of the cluster. */
    static void write(ClusterWriteDao dao, ClusterRows stored, ClusterRows next) {
        writeInstances(dao, stored.instances(), next.instances());
        writeInstanceAlerts(dao, next.instances(), stored.instanceAlerts(), next.instanceAlerts());
        if (!AlertRow.sameAlerts(stored.clusterAlerts(), next.clusterAlerts())) {
            dao.deleteClusterAlerts(next.clusters().getFirst().id());
            if (!next.clusterAlerts().isEmpty()) {
                dao.insertClusterAlerts(next.clusterAlerts());
            }
        }
    }

    private static void writeInstances(ClusterWriteDao dao, List<InstanceRow> stored, List<InstanceRow> next) {
        Map<InstanceKey, InstanceRow> before = new HashMap<>();
        stored.forEach(row -> before.put(row.key(), row));
        List<InstanceRow> changed = new ArrayList<>();
        for (InstanceRow row : next) {
            InstanceRow old = before.get(row.key());
            if (old == null || !old.sameStateAs(row)) {
                changed.add(row);
            }
        }
        if (!changed.isEmpty()) {
            dao.updateInstances(changed);
        }
    }

    private static void writeInstanceAlerts(ClusterWriteDao dao, List<InstanceRow> instances, List<AlertRow> stored,
            List<AlertRow> next) {
        Map<InstanceKey, List<AlertRow>> before = byInstance(stored);
        Map<InstanceKey, List<AlertRow>> after = byInstance(next);
        List<InstanceKey> replaced = new ArrayList<>();
        List<AlertRow> inserted = new ArrayList<>();
        for (InstanceRow instance : instances) {
            List<AlertRow> old = before.getOrDefault(instance.key(), List.of());
            List<AlertRow> now = after.getOrDefault(instance.key(), List.of());
            if (!AlertRow.sameAlerts(old, now)) {
                replaced.add(instance.key());
                inserted.addAll(now);
            }
        }
        if (!replaced.isEmpty()) {
            dao.deleteInstanceAlerts(replaced);
        }
        if (!inserted.isEmpty()) {
            dao.insertInstanceAlerts(inserted);
        }
    }

    /** Alert rows per instance, each list ordered by {@code alert_order}. */
    private static Map<InstanceKey, List<AlertRow>> byInstance(List<AlertRow> rows) {
        Map<InstanceKey, List<AlertRow>> groups = new HashMap<>();
        rows.forEach(row -> groups.computeIfAbsent(row.instance(), key -> new ArrayList<>()).add(row));
        groups.values().forEach(list -> list.sort((a, b) -> Integer.compare(a.alertOrder(), b.alertOrder())));
        return groups;
    }
}
