package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** SQL for {@code audit_log}: insert, read a page from a time and a cursor on, purge by time. */
interface AuditDao {

    @SqlUpdate("""
            INSERT INTO audit_log (occurred_at, actor, action, target, address, outcome, detail)
            VALUES (:occurredAt, :actor, :action, :target, :address, :outcome, :detail)
            """)
    void insert(@BindMethods AuditRow row);

    @SqlQuery("""
            SELECT id, occurred_at, actor, action, target, address, outcome, detail
              FROM audit_log
             WHERE occurred_at >= :since AND id > :after
             ORDER BY id
             FETCH FIRST :limit ROWS ONLY
            """)
    List<AuditRow> list(OffsetDateTime since, long after, int limit);

    @SqlUpdate("DELETE FROM audit_log WHERE occurred_at < :cutoff")
    int purgeBefore(OffsetDateTime cutoff);
}
