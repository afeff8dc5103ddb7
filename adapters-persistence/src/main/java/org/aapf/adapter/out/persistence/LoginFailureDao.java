package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code login_failures}. */
interface LoginFailureDao {

    /**
     * Counts one more failure in a single statement, so concurrent callers serialise on the row lock; a window that
     * started before {@code windowStart} restarts at 1 from {@code now}. SET expressions all see the old row.
     */
    @SqlUpdate("""
            UPDATE login_failures
               SET failure_count = CASE WHEN first_at < :windowStart THEN 1 ELSE failure_count + 1 END,
                   first_at      = CASE WHEN first_at < :windowStart THEN :now ELSE first_at END,
                   last_at       = :now
             WHERE failure_key = :key
            """)
    int increment(String key, OffsetDateTime now, OffsetDateTime windowStart);

    @SqlUpdate("""
            INSERT INTO login_failures (failure_key, failure_count, first_at, last_at)
            VALUES (:key, 1, :now, :now)
            """)
    void insertFirst(String key, OffsetDateTime now);

    @SqlQuery("SELECT failure_key, failure_count, first_at, last_at FROM login_failures WHERE failure_key = :key")
    Optional<LoginFailureRow> find(String key);

    @SqlUpdate("""
            UPDATE login_failures SET failure_count = failure_count - 1
             WHERE failure_key = :key AND failure_count > 0
            """)
    int decrement(String key);

    @SqlUpdate("DELETE FROM login_failures WHERE failure_key = :key AND failure_count = 0")
    int deleteIfNone(String key);

    @SqlUpdate("DELETE FROM login_failures WHERE failure_key = :key")
    int delete(String key);

    @SqlUpdate("DELETE FROM login_failures WHERE last_at < :cutoff")
    int deleteLastBefore(OffsetDateTime cutoff);
}
