package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code api_tokens}; names are unique per user through the {@code (user_id, name)} index. */
interface ApiTokenDao {

    String COLUMNS = "id, user_id, name, digest, created_at, last_used_at";

    @SqlUpdate("""
            INSERT INTO api_tokens (id, user_id, name, digest, created_at, last_used_at)
            VALUES (:id, :userId, :name, :digest, :createdAt, :lastUsedAt)
            """)
    void insert(String id, String userId, String name, String digest, OffsetDateTime createdAt,
            OffsetDateTime lastUsedAt);

    /**
     * Read on every request that presents an API token, with the owner's list version (one statement for both), for
     * every request waiting at that moment: run through {@link CoalescedReads}, not as a method here.
     */
    String FIND_BY_IDS = """
            SELECT t.id, t.user_id, t.name, t.digest, t.created_at, t.last_used_at, u.clusters_version
            FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ANY(?)""";

    @SqlQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = :userId AND name = :name")
    Optional<ApiTokenRow> findByName(String userId, String name);

    @SqlQuery("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = :userId ORDER BY created_at, name")
    List<ApiTokenRow> listByUser(String userId);

    /** Only moves the time forward, so concurrent requests leave the newest use. */
    @SqlUpdate("""
            UPDATE api_tokens SET last_used_at = :now
             WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :now)
            """)
    int markUsed(String id, OffsetDateTime now);

    @SqlUpdate("DELETE FROM api_tokens WHERE user_id = :userId AND name = :name")
    int delete(String userId, String name);
}
