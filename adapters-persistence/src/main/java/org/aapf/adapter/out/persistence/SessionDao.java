package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code sessions}; a revocation time, once set, is never overwritten. */
interface SessionDao {

    @SqlUpdate("""
            INSERT INTO sessions (id, user_id, created_at, expires_at, revoked_at)
            VALUES (:id, :userId, :createdAt, :expiresAt, :revokedAt)
            """)
    void insert(String id, String userId, OffsetDateTime createdAt, OffsetDateTime expiresAt,
            OffsetDateTime revokedAt);

    /**
     * Read on every request that presents an access token, with the user's list version (one statement for both), for
     * every request waiting at that moment: run through {@link CoalescedReads}, not as a method here.
     */
    String FIND_BY_IDS = """
            SELECT s.id, s.user_id, s.created_at, s.expires_at, s.revoked_at, u.clusters_version
            FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ANY(?)""";

    @SqlUpdate("UPDATE sessions SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
    int revoke(String id, OffsetDateTime now);

    @SqlUpdate("""
            UPDATE sessions SET revoked_at = :now
             WHERE user_id = :userId AND revoked_at IS NULL AND expires_at > :now
            """)
    int revokeAllActive(String userId, OffsetDateTime now);

    @SqlUpdate("DELETE FROM sessions WHERE expires_at < :cutoff OR revoked_at < :cutoff")
    int deleteEndedBefore(OffsetDateTime cutoff);
}
