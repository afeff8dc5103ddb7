package org.aapf.adapter.out.persistence;

import java.time.OffsetDateTime;

/**
 * One row of {@code audit_log}; {@code id} is 0 before it is inserted. Public only because Jdbi's
 * {@code @BindMethods} binds the accessors of public types.
 */
public record AuditRow(long id, OffsetDateTime occurredAt, String actor, String action, String target,
        String address, String outcome, String detail) {
}
