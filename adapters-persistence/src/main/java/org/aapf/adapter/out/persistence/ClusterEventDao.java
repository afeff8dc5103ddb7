package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code cluster_events}: append-only; the generated id keeps the append order. */
interface ClusterEventDao {

    @SqlBatch("""
            INSERT INTO cluster_events (cluster_id, occurred_at, event_type, message)
            VALUES (:clusterId, :occurredAt, :eventType, :message)
            """)
    void insert(@BindMethods List<ClusterEventRow> rows);

    @SqlQuery("""
            SELECT cluster_id, occurred_at, event_type, message
              FROM cluster_events
             WHERE cluster_id = :clusterId
             ORDER BY id
            """)
    List<ClusterEventRow> listByCluster(String clusterId);

    /**
     * Deletes the events of clusters without a row whose latest event is older than {@code cutoff}: a live cluster
     * keeps its whole history, and a deleted one its history for the retention period after its deletion.
     */
    @SqlUpdate("""
            DELETE FROM cluster_events
             WHERE cluster_id IN (
                   SELECT e.cluster_id
                     FROM cluster_events e
                    WHERE NOT EXISTS (SELECT 1 FROM clusters c WHERE c.id = e.cluster_id)
                    GROUP BY e.cluster_id
                   HAVING MAX(e.occurred_at) < :cutoff)
            """)
    int purgeDeletedBefore(OffsetDateTime cutoff);

    /** Deletes each cluster's events older than its latest {@code kept}, looking only at clusters with more. */
    @SqlUpdate("""
            DELETE FROM cluster_events
             WHERE id IN (
                   SELECT ranked.id
                     FROM (SELECT e.id, ROW_NUMBER() OVER (PARTITION BY e.cluster_id ORDER BY e.id DESC) AS newer
                             FROM cluster_events e
                            WHERE e.cluster_id IN (SELECT cluster_id
                                                     FROM cluster_events
                                                    GROUP BY cluster_id
                                                   HAVING COUNT(*) > :kept)) ranked
                    WHERE ranked.newer > :kept)
            """)
    int trimTo(int kept);
}
