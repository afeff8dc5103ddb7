package org.aapf.application.port.out;

import java.time.Instant;
import java.util.List;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditRecord;

/**
 * Stores the audit trail. Append-only: nothing changes a stored entry; only {@link #purgeBefore} removes entries, the
 * oldest first, once they are older than the retention period.
 */
public interface AuditRepository {

    /** Appends one entry; its id is greater than every id appended before. */
    void append(AuditEntry entry);

    /** At most {@code limit} entries with {@code at >= since} and {@code id > after}, by ascending id. */
    List<AuditRecord> list(Instant since, long after, int limit);

    /** Deletes entries with {@code at < cutoff}; returns how many. */
    int purgeBefore(Instant cutoff);
}
