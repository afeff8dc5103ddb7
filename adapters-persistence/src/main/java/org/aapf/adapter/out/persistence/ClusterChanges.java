package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Collects what differs between clusters' stored child rows and their new ones: service specs that changed or were
 * added, instances added, removed or whose state changed (a resize of Spark workers does all of these), and the alert
 * lists that changed, nothing else; then writes it all with one batch per statement, however many clusters were
 * added. A notebook instance whose access changed (a start on a warm instance) is deleted and inserted again.
 */
final class ClusterChanges {

    private final List<ServiceRow> addedServices = new ArrayList<>();
    private final List<ServiceRow> changedServices = new ArrayList<>();
    private final List<InstanceKey> removedInstances = new ArrayList<>();
    private final List<InstanceRow> addedInstances = new ArrayList<>();
    private final List<InstanceRow> changedInstances = new ArrayList<>();
    private final List<InstanceKey> replacedInstanceAlerts = new ArrayList<>();
    private final List<AlertRow> insertedInstanceAlerts = new ArrayList<>();
    private final List<String> replacedClusterAlerts = new ArrayList<>();
    private final List<AlertRow> insertedClusterAlerts = new ArrayList<>();

    /** Adds the difference of one cluster; {@code stored} holds its current services, instances and alerts. */
    void add(ClusterRows stored, ClusterRows next) {
        addServices(stored.services(), next.services());
        addInstances(stored.instances(), next.instances());
        addInstanceAlerts(next.instances(), stored.instanceAlerts(), next.instanceAlerts());
        if (!AlertRow.sameAlerts(stored.clusterAlerts(), next.clusterAlerts())) {
            replacedClusterAlerts.add(next.clusters().getFirst().id());
            insertedClusterAlerts.addAll(next.clusterAlerts());
        }
    }

    /** Writes everything added, in the order one cluster's changes need (rows of different clusters never meet). */
    void write(ClusterWriteDao dao) {
        if (!addedServices.isEmpty()) {
            dao.insertServices(addedServices);
        }
        if (!changedServices.isEmpty()) {
            dao.updateServices(changedServices);
        }
        if (!removedInstances.isEmpty()) {
            dao.deleteInstances(removedInstances);
        }
        if (!addedInstances.isEmpty()) {
            dao.insertInstances(addedInstances);
        }
        if (!changedInstances.isEmpty()) {
            dao.updateInstances(changedInstances);
        }
        if (!replacedInstanceAlerts.isEmpty()) {
            dao.deleteInstanceAlerts(replacedInstanceAlerts);
        }
        if (!insertedInstanceAlerts.isEmpty()) {
            dao.insertInstanceAlerts(insertedInstanceAlerts);
        }
        if (!replacedClusterAlerts.isEmpty()) {
            dao.deleteClusterAlerts(replacedClusterAlerts);
        }
        if (!insertedClusterAlerts.isEmpty()) {
            dao.insertClusterAlerts(insertedClusterAlerts);
        }
    }

    private void addServices(List<ServiceRow> stored, List<ServiceRow> next) {
        Map<String, ServiceRow> before = new HashMap<>();
        stored.forEach(row -> before.put(row.service(), row));
        for (ServiceRow row : next) {
            ServiceRow old = before.get(row.service());
            if (old == null) {
                addedServices.add(row);
            } else if (!old.equals(row)) {
                changedServices.add(row);
            }
        }
    }

    private void addInstances(List<InstanceRow> stored, List<InstanceRow> next) {
        Map<InstanceKey, InstanceRow> before = new HashMap<>();
        stored.forEach(row -> before.put(row.key(), row));
        for (InstanceRow row : next) {
            InstanceRow old = before.remove(row.key());
            if (old == null) {
                addedInstances.add(row);
            } else if (!Objects.equals(old.proxyId(), row.proxyId())) {
                removedInstances.add(old.key());
                addedInstances.add(row);
            } else if (!old.sameStateAs(row)) {
                changedInstances.add(row);
            }
        }
        removedInstances.addAll(before.keySet());
    }

    private void addInstanceAlerts(List<InstanceRow> instances, List<AlertRow> stored, List<AlertRow> next) {
        Map<InstanceKey, List<AlertRow>> before = byInstance(stored);
        Map<InstanceKey, List<AlertRow>> after = byInstance(next);
        for (InstanceRow instance : instances) {
            List<AlertRow> old = before.getOrDefault(instance.key(), List.of());
            List<AlertRow> now = after.getOrDefault(instance.key(), List.of());
            if (!AlertRow.sameAlerts(old, now)) {
                replacedInstanceAlerts.add(instance.key());
                insertedInstanceAlerts.addAll(now);
            }
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
