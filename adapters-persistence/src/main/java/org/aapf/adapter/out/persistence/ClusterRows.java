package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.aapf.domain.cluster.AACluster;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;

/** The rows that store some clusters, one list per table; {@link #of} turns a cluster into its rows. */
record ClusterRows(List<ClusterRow> clusters, List<ServiceRow> services, List<InstanceRow> instances,
        List<AlertRow> clusterAlerts, List<AlertRow> instanceAlerts) {

    static ClusterRows of(AACluster cluster) {
        String id = cluster.id().toString();
        ClusterRow row = new ClusterRow(id, cluster.owner().toString(), cluster.name().value(),
                UtcTimes.toColumn(cluster.createdAt()), cluster.status().apiName(), cluster.version(),
                cluster.runtimeId().toString(), cluster.retiredRuntimeId().map(ClusterId::toString).orElse(null));
        List<ServiceRow> services = new ArrayList<>();
        for (Map.Entry<ServiceKind, ServiceSpec> entry : cluster.specs().entrySet()) {
            ServiceSpec spec = entry.getValue();
            services.add(new ServiceRow(id, entry.getKey().apiName(), spec.imageRepositoryName(), spec.perfTypeName(),
                    spec.numberOfInstances()));
        }
        List<InstanceRow> instances = new ArrayList<>();
        List<AlertRow> instanceAlerts = new ArrayList<>();
        for (Instance instance : cluster.instances()) {
            instances.add(instanceRow(id, instance));
            instanceAlerts.addAll(alertRows(id, instance.service().apiName(), instance.index(), instance.alerts()));
        }
        return new ClusterRows(List.of(row), services, instances, alertRows(id, null, 0, cluster.alerts()),
                instanceAlerts);
    }

    static InstanceRow instanceRow(String clusterId, Instance instance) {
        return new InstanceRow(clusterId, instance.service().apiName(), instance.index(), instance.status().apiName(),
                instance.health().map(Health::apiName).orElse(null), UtcTimes.toColumn(instance.createdAt()),
                UtcTimes.toColumn(instance.updatedAt()),
                instance.notebook().map(access -> access.proxyId().value()).orElse(null),
                instance.notebook().map(NotebookAccess::token).map(token -> token.value()).orElse(null));
    }

    /**
     * These rows split by cluster id: every cluster that has a row in any of the tables, each with its own rows (its
     * {@code clusters} row, if that was read, or none).
     */
    Map<String, ClusterRows> perCluster() {
        Map<String, ClusterRows> split = new HashMap<>();
        Function<String, ClusterRows> empty = id -> new ClusterRows(new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        clusters.forEach(row -> split.computeIfAbsent(row.id(), empty).clusters().add(row));
        services.forEach(row -> split.computeIfAbsent(row.clusterId(), empty).services().add(row));
        instances.forEach(row -> split.computeIfAbsent(row.clusterId(), empty).instances().add(row));
        clusterAlerts.forEach(row -> split.computeIfAbsent(row.clusterId(), empty).clusterAlerts().add(row));
        instanceAlerts.forEach(row -> split.computeIfAbsent(row.clusterId(), empty).instanceAlerts().add(row));
        return split;
    }

    /** Alerts of a cluster ({@code service} null) or of one instance, in the order given. */
    static List<AlertRow> alertRows(String clusterId, String service, int index, List<Alert> alerts) {
        List<AlertRow> rows = new ArrayList<>(alerts.size());
        for (int order = 0; order < alerts.size(); order++) {
            Alert alert = alerts.get(order);
            rows.add(new AlertRow(clusterId, service, index, order, alert.level().apiName(),
                    StoredText.clip(alert.reason(), StoredText.MAX_REASON),
                    StoredText.clip(alert.message(), StoredText.MAX_MESSAGE), UtcTimes.toColumn(alert.at())));
        }
        return rows;
    }
}
