package org.aapf.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.aapf.domain.audit.AuditRecord;

/**
 * A page of audit records, oldest first.
 *
 * @param next the cursor of the next page ({@link AuditQuery#after()}); empty on the last page
 */
public record AuditPage(List<AuditRecord> records, OptionalLong next) {

    public AuditPage {
        records = List.copyOf(Objects.requireNonNull(records, "'records' must not be null"));
        Objects.requireNonNull(next, "'next' must not be null");
    }
}
