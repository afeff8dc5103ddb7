package org.aapf.domain.audit;

import java.util.Objects;

/**
 * A stored {@link AuditEntry} with its position in the trail: ids grow in the order entries were appended, so
 * {@code id} is the cursor to read on from.
 */
public record AuditRecord(long id, AuditEntry entry) {

    public AuditRecord {
        if (id < 1) {
            throw new IllegalArgumentException("'id' must be >= 1");
        }
        Objects.requireNonNull(entry, "'entry' must not be null");
    }
}
