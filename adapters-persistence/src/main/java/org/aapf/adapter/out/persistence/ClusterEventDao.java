package org.aapf.adapter.out.persistence;

import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

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
}
