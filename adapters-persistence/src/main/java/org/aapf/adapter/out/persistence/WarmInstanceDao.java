package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code warm_instances}. */
interface WarmInstanceDao {

    String COLUMNS = "id, pool, image, perf_type, proxy_id, jupyter_token, created_at, ready_at, claimed_at";

    @SqlUpdate("""
            INSERT INTO warm_instances (id, pool, image, perf_type, proxy_id, jupyter_token, created_at)
            VALUES (:id, :pool, :image, :perfType, :proxyId, :jupyterToken, :createdAt)
            """)
    void insert(String id, String pool, String image, String perfType, String proxyId, String jupyterToken,
            OffsetDateTime createdAt);

    @SqlQuery("SELECT " + COLUMNS + " FROM warm_instances ORDER BY created_at, id")
    List<WarmInstanceRow> all();

    @SqlQuery("SELECT " + COLUMNS + " FROM warm_instances WHERE id = :id")
    Optional<WarmInstanceRow> find(String id);

    /** The oldest ready, unclaimed instances of the pool: the candidates a claim tries in turn. */
    @SqlQuery("""
            SELECT id FROM warm_instances
             WHERE pool = :pool AND ready_at IS NOT NULL AND claimed_at IS NULL
             ORDER BY ready_at, id
             LIMIT :limit
            """)
    List<String> claimable(String pool, int limit);

    @SqlUpdate("UPDATE warm_instances SET ready_at = :at WHERE id = :id AND ready_at IS NULL AND claimed_at IS NULL")
    int markReady(String id, OffsetDateTime at);

    /** Claims one ready instance; 1 for the only caller that saw it unclaimed, 0 for every other. */
    @SqlUpdate("""
            UPDATE warm_instances SET claimed_at = :now
             WHERE id = :id AND ready_at IS NOT NULL AND claimed_at IS NULL
            """)
    int claim(String id, OffsetDateTime now);

    @SqlUpdate("UPDATE warm_instances SET claimed_at = :now WHERE id = :id AND claimed_at IS NULL")
    int retire(String id, OffsetDateTime now);

    @SqlUpdate("DELETE FROM warm_instances WHERE id = :id")
    int delete(String id);
}
