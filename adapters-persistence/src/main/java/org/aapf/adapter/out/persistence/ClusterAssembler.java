package org.aapf.adapter.out.persistence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.aapf.domain.cluster.Alert;
import org.aapf.domain.cluster.ClusterId;
import org.aapf.domain.cluster.ClusterName;
import org.aapf.domain.cluster.ClusterStatus;
import org.aapf.domain.cluster.Health;
import org.aapf.domain.cluster.Instance;
import org.aapf.domain.cluster.InstanceStatus;
import org.aapf.domain.cluster.JupyterToken;
import org.aapf.domain.cluster.NotebookAccess;
import org.aapf.domain.cluster.ProxyId;
import org.aapf.domain.cluster.ServiceKind;
import org.aapf.domain.cluster.ServiceSpec;
import org.aapf.domain.user.UserId;

/**
 * Joins the rows of every cluster table in memory (hash maps by cluster id) and parses the clusters, so any number
 * of clusters loads in one query per table.
 */
final class ClusterAssembler {

    private static final Comparator<AlertRow> ALERT_ORDER = Comparator.comparingInt(AlertRow::alertOrder);

    private ClusterAssembler() {
    }

    /** The clusters in {@code rows.clusters()} order; a cluster whose children were deleted meanwhile is skipped. */
    static List<StoredCluster> parse(ClusterRows rows) {
        Map<String, List<ServiceRow>> services = group(rows.services(), ServiceRow::clusterId);
        Map<String, List<InstanceRow>> instances = group(rows.instances(), InstanceRow::clusterId);
        Map<String, List<AlertRow>> clusterAlerts = group(rows.clusterAlerts(), AlertRow::clusterId);
        Map<InstanceKey, List<AlertRow>> instanceAlerts = group(rows.instanceAlerts(), AlertRow::instance);
        List<StoredCluster> clusters = new ArrayList<>(rows.clusters().size());
        for (ClusterRow row : rows.clusters()) {
            List<ServiceRow> specs = services.getOrDefault(row.id(), List.of());
            if (specs.isEmpty()) {
                continue;
            }
            List<Instance> restored = new ArrayList<>();
            for (InstanceRow instance : instances.getOrDefault(row.id(), List.of())) {
                restored.add(instance(instance, instanceAlerts.getOrDefault(instance.key(), List.of())));
            }
            clusters.add(new StoredCluster(row, ClusterId.parse(row.id()), UserId.parse(row.ownerId()),
                    new ClusterName(row.name()), UtcTimes.toInstant(row.createdAt()), specs(specs), restored,
                    ApiNames.parse(ClusterStatus.class, ClusterStatus::apiName, row.status()),
                    alerts(clusterAlerts.getOrDefault(row.id(), List.of()))));
        }
        return clusters;
    }

    private static Map<ServiceKind, ServiceSpec> specs(List<ServiceRow> rows) {
        Map<ServiceKind, ServiceSpec> specs = new EnumMap<>(ServiceKind.class);
        for (ServiceRow row : rows) {
            specs.put(service(row.service()),
                    new ServiceSpec(row.imageRepository(), row.perfType(), row.instanceCount()));
        }
        return specs;
    }

    private static Instance instance(InstanceRow row, List<AlertRow> alerts) {
        Optional<NotebookAccess> notebook = row.proxyId() == null
                ? Optional.empty()
                : Optional.of(new NotebookAccess(new ProxyId(row.proxyId()), new JupyterToken(row.jupyterToken())));
        Optional<Health> health = Optional.ofNullable(row.health())
                .map(name -> ApiNames.parse(Health.class, Health::apiName, name));
        return new Instance(service(row.service()), row.instanceIndex(),
                ApiNames.parse(InstanceStatus.class, InstanceStatus::apiName, row.status()), health,
                UtcTimes.toInstant(row.createdAt()), UtcTimes.toInstant(row.updatedAt()), alerts(alerts), notebook);
    }

    private static List<Alert> alerts(List<AlertRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return rows.stream().sorted(ALERT_ORDER)
                .map(row -> new Alert(ApiNames.parse(Alert.Level.class, Alert.Level::apiName, row.alertLevel()),
                        row.reason(), row.message(), UtcTimes.toInstant(row.raisedAt())))
                .toList();
    }

    private static ServiceKind service(String name) {
        return ApiNames.parse(ServiceKind.class, ServiceKind::apiName, name);
    }

    private static <K, R> Map<K, List<R>> group(List<R> rows, Function<R, K> key) {
        Map<K, List<R>> groups = new HashMap<>();
        for (R row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>(2)).add(row);
        }
        return groups;
    }
}
