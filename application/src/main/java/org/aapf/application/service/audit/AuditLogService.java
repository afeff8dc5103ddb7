package org.aapf.application.service.audit;

import jakarta.inject.Inject;
import org.aapf.application.port.in.AuditLog;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.domain.audit.AuditEntry;

/** Appends audit entries to the {@link AuditRepository}, logging instead of failing when it cannot. */
public final class AuditLogService implements AuditLog {

    private static final System.Logger LOG = System.getLogger(AuditLogService.class.getName());

    private final AuditRepository repository;

    @Inject
    public AuditLogService(AuditRepository repository) {
        this.repository = repository;
    }

    @Override
    public void record(AuditEntry entry) {
        try {
            repository.append(entry);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "Cannot store the audit entry " + entry.action() + " by "
                    + entry.actor() + ": " + e.getClass().getSimpleName());
        }
    }
}
