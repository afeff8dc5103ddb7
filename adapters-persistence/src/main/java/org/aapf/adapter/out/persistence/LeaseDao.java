package org.aapf.adapter.out.persistence;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * SQL for the single {@code reconciler_lease} row. Expiry is judged by the database's CURRENT_TIMESTAMP, never by a
 * caller's clock, so processes on hosts with skewed clocks agree.
 */
interface LeaseDao {

    /**
     * Takes the lease (free or expired: epoch + 1) or extends it (held unexpired by {@code holder}: same epoch) in
     * one statement; changes nothing and returns 0 while another holder's lease runs.
     */
    @SqlUpdate("""
            UPDATE reconciler_lease
               SET epoch = CASE WHEN holder = :holder AND expires_at > CURRENT_TIMESTAMP THEN epoch ELSE epoch + 1 END,
                   holder = :holder,
                   expires_at = CURRENT_TIMESTAMP + CAST(:ttlMillis AS BIGINT) * INTERVAL '0.001' SECOND
             WHERE lease_key = 'reconciler'
               AND (holder IS NULL OR holder = :holder OR expires_at <= CURRENT_TIMESTAMP)
            """)
    int acquireOrRenew(String holder, long ttlMillis);

    @SqlQuery("SELECT holder, epoch, expires_at FROM reconciler_lease WHERE lease_key = 'reconciler'")
    LeaseRow current();

    /** The holder and expiry next to the database's own time, so that what remains needs no other clock. */
    @SqlQuery("""
            SELECT holder, expires_at, CURRENT_TIMESTAMP AS database_now
              FROM reconciler_lease WHERE lease_key = 'reconciler'
            """)
    LeaseRow.Remaining remaining();

    @SqlUpdate("""
            UPDATE reconciler_lease SET holder = NULL
             WHERE lease_key = 'reconciler' AND holder = :holder AND epoch = :epoch
            """)
    int release(String holder, long epoch);
}
