package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what differs between a cluster's stored child rows and its new ones: service specs that changed or were
 * added, instances added, removed or whose state changed (a resize of Spark workers does all of these), and the alert
 * lists that changed, nothing else. Notebook access never changes after creation.
 */
final class ClusterChanges {

    private ClusterChanges() {
    }

    /** Writes the difference in batches; {@code stored} holds the current instances and alerts of the cluster. */
    static void write(ClusterWriteDao dao, ClusterRows stored, ClusterRows next) {
        writeServices(dao, stored.services(), next.services());
        writeInstances(dao, stored.instances(), next.instances());
        writeInstanceAlerts(dao, next.instances(), stored.instanceAlerts(), next.instanceAlerts());
        if (!AlertRow.sameAlerts(stored.clusterAlerts(), next.clusterAlerts())) {
            dao.deleteClusterAlerts(next.clusters().getFirst().id());
            if (!next.clusterAlerts().isEmpty()) {
                dao.insertClusterAlerts(next.clusterAlerts());
            }
        }
    }

    private static void writeServices(ClusterWriteDao dao, List<ServiceRow> stored, List<ServiceRow> next) {
        Map<String, ServiceRow> before = new HashMap<>();
        stored.forEach(row -> before.put(row.service(), row));
        List<ServiceRow> added = new ArrayList<>();
        List<ServiceRow> changed = new ArrayList<>();
        for (ServiceRow row : next) {
            ServiceRow old = before.get(row.service());
            if (old == null) {
                added.add(row);
            } else if (!old.equals(row)) {
                changed.add(row);
            }
        }
        if (!added.isEmpty()) {
            dao.insertServices(added);
        }
        if (!changed.isEmpty()) {
            dao.updateServices(changed);
        }
    }

    private static void writeInstances(ClusterWriteDao dao, List<InstanceRow> stored, List<InstanceRow> next) {
        Map<InstanceKey, InstanceRow> before = new HashMap<>();
        stored.forEach(row -> before.put(row.key(), row));
        List<InstanceRow> added = new ArrayList<>();
        List<InstanceRow> changed = new ArrayList<>();
        for (InstanceRow row : next) {
            InstanceRow old = before.remove(row.key());
            if (old == null) {
                added.add(row);
            } else if (!old.sameStateAs(row)) {
                changed.add(row);
            }
        }
        if (!before.isEmpty()) {
            dao.deleteInstances(before.keySet().stream().toList());
        }
        if (!added.isEmpty()) {
            dao.insertInstances(added);
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
