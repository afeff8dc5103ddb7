package org.aapf.application.port.in;

import org.aapf.domain.user.UserId;

/** An admin's view of the audit trail ({@code GET /admin/audit}). */
public interface ListAuditQuery {

    /** @throws org.aapf.domain.error.AapfException {@code FORBIDDEN} when {@code caller} is not an admin */
    AuditPage list(UserId caller, AuditQuery query);
}
