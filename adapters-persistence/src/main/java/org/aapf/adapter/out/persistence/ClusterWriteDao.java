package org.aapf.adapter.out.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Writes the cluster tables, and with every write the list version of the clusters' owners
 * ({@link #advanceListVersions}). Every change of a stored cluster starts with {@link #advance}, the compare-and-set on
 * its version, which also locks the cluster row, so writers of one cluster queue up instead of interleaving. Deleting
 * a cluster deletes its services, instances and alerts (ON DELETE CASCADE), not its events.
 */
interface ClusterWriteDao {

    @SqlUpdate("""
            INSERT INTO clusters (id, owner_id, name, created_at, status, version, runtime_id, retired_runtime_id)
            VALUES (:id, :ownerId, :name, :createdAt, :status, :version, :runtimeId, :retiredRuntimeId)
            """)
    void insertCluster(@BindMethods ClusterRow row);

    @SqlBatch("""
            INSERT INTO cluster_services (cluster_id, service, image_repository, perf_type, instance_count)
            VALUES (:clusterId, :service, :imageRepository, :perfType, :instanceCount)
            """)
    void insertServices(@BindMethods List<ServiceRow> rows);

    @SqlBatch("""
            INSERT INTO instances (cluster_id, service, instance_index, status, health, created_at, updated_at,
                                   proxy_id, jupyter_token)
            VALUES (:clusterId, :service, :instanceIndex, :status, :health, :createdAt, :updatedAt,
                    :proxyId, :jupyterToken)
            """)
    void insertInstances(@BindMethods List<InstanceRow> rows);

    @SqlBatch("""
            INSERT INTO cluster_alerts (cluster_id, alert_order, alert_level, reason, message, raised_at)
            VALUES (:clusterId, :alertOrder, :alertLevel, :reason, :message, :raisedAt)
            """)
    void insertClusterAlerts(@BindMethods List<AlertRow> rows);

    @SqlBatch("""
            INSERT INTO instance_alerts (cluster_id, service, instance_index, alert_order, alert_level, reason,
                                         message, raised_at)
            VALUES (:clusterId, :service, :instanceIndex, :alertOrder, :alertLevel, :reason, :message, :raisedAt)
            """)
    void insertInstanceAlerts(@BindMethods List<AlertRow> rows);

    /**
     * For each cluster, stores the new status, runtime ids and version + 1 if its version is still the one given;
     * returns the rows changed per cluster (0 or 1), in the given order.
     */
    @SqlBatch("""
            UPDATE clusters SET status = :status, runtime_id = :runtimeId, retired_runtime_id = :retiredRuntimeId,
                   version = version + 1
             WHERE id = :id AND version = :version
            """)
    int[] advance(@BindMethods List<ClusterRow> rows);

    @SqlBatch("""
            UPDATE instances SET status = :status, health = :health, updated_at = :updatedAt
             WHERE cluster_id = :clusterId AND service = :service AND instance_index = :instanceIndex
            """)
    void updateInstances(@BindMethods List<InstanceRow> rows);

    @SqlBatch("""
            UPDATE cluster_services SET image_repository = :imageRepository, perf_type = :perfType,
                   instance_count = :instanceCount
             WHERE cluster_id = :clusterId AND service = :service
            """)
    void updateServices(@BindMethods List<ServiceRow> rows);

    /** Deletes instances with their alerts (ON DELETE CASCADE): Spark workers dropped by a resize. */
    @SqlBatch("""
            DELETE FROM instances
             WHERE cluster_id = :clusterId AND service = :service AND instance_index = :instanceIndex
            """)
    void deleteInstances(@BindMethods List<InstanceKey> instances);

    @SqlBatch("DELETE FROM cluster_alerts WHERE cluster_id = :clusterId")
    void deleteClusterAlerts(@Bind("clusterId") List<String> clusterIds);

    @SqlBatch("""
            DELETE FROM instance_alerts
             WHERE cluster_id = :clusterId AND service = :service AND instance_index = :instanceIndex
            """)
    void deleteInstanceAlerts(@BindMethods List<InstanceKey> instances);

    @SqlUpdate("DELETE FROM clusters WHERE id = :id AND version = :version")
    int delete(String id, long version);

    /**
     * Advances the list version of each of these owners ({@code users.clusters_version}): the last statement of every
     * transaction that adds, changes or removes a cluster, its owners in ascending order, so that writers lock cluster
     * rows first and owner rows last, always in one order (no deadlock between them).
     */
    @SqlBatch("UPDATE users SET clusters_version = clusters_version + 1 WHERE id = :id")
    void advanceListVersions(@Bind("id") List<String> ownerIds);
}
