package org.aapf.adapter.out.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Reads the cluster tables, each either whole (one query per table for every cluster) or for some cluster ids.
 * Rows come in no particular order; {@link ClusterAssembler} joins and orders them.
 */
interface ClusterReadDao {

    String CLUSTERS = "SELECT id, owner_id, name, created_at, status, version, runtime_id, retired_runtime_id"
            + " FROM clusters";
    String SERVICES = "SELECT cluster_id, service, image_repository, perf_type, instance_count FROM cluster_services";
    String INSTANCES = """
            SELECT cluster_id, service, instance_index, status, health, created_at, updated_at, proxy_id, jupyter_token
              FROM instances""";
    String CLUSTER_ALERTS = """
            SELECT cluster_id, CAST(NULL AS VARCHAR(32)) AS service, 0 AS instance_index, alert_order, alert_level,
                   reason, message, raised_at
              FROM cluster_alerts""";
    String INSTANCE_ALERTS = """
            SELECT cluster_id, service, instance_index, alert_order, alert_level, reason, message, raised_at
              FROM instance_alerts""";
    String OF_CLUSTERS = " WHERE cluster_id IN (<ids>)";

    @SqlQuery(CLUSTERS)
    List<ClusterRow> allClusters();

    @SqlQuery(SERVICES)
    List<ServiceRow> allServices();

    @SqlQuery(INSTANCES)
    List<InstanceRow> allInstances();

    @SqlQuery(CLUSTER_ALERTS)
    List<AlertRow> allClusterAlerts();

    @SqlQuery(INSTANCE_ALERTS)
    List<AlertRow> allInstanceAlerts();

    @SqlQuery(CLUSTERS + " WHERE id IN (<ids>)")
    List<ClusterRow> clusters(@BindList("ids") Collection<String> ids);

    @SqlQuery(SERVICES + OF_CLUSTERS)
    List<ServiceRow> services(@BindList("ids") Collection<String> ids);

    @SqlQuery(INSTANCES + OF_CLUSTERS)
    List<InstanceRow> instances(@BindList("ids") Collection<String> ids);

    @SqlQuery(CLUSTER_ALERTS + OF_CLUSTERS)
    List<AlertRow> clusterAlerts(@BindList("ids") Collection<String> ids);

    @SqlQuery(INSTANCE_ALERTS + OF_CLUSTERS)
    List<AlertRow> instanceAlerts(@BindList("ids") Collection<String> ids);

    /** The API's reads, on every request: run through {@link HotReads} (plain JDBC, positional parameters). */
    String CLUSTER_BY_NAME = CLUSTERS + " WHERE owner_id = ? AND name = ?";
    String CLUSTERS_OF_OWNER = CLUSTERS + " WHERE owner_id = ?";

    @SqlQuery("SELECT cluster_id FROM instances WHERE proxy_id = :proxyId")
    Optional<String> idByProxyId(String proxyId);

    /** Every cluster's rows: five queries, whatever the number of clusters. */
    default ClusterRows all() {
        return new ClusterRows(allClusters(), allServices(), allInstances(), allClusterAlerts(), allInstanceAlerts());
    }

    /** The rows of the given clusters (not empty): five queries. */
    default ClusterRows of(Collection<String> ids) {
        return new ClusterRows(clusters(ids), services(ids), instances(ids), clusterAlerts(ids), instanceAlerts(ids));
    }
}
