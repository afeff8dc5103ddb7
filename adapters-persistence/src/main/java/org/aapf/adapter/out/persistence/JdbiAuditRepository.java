package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditRecord;
import org.jdbi.v3.core.Jdbi;

/** {@link AuditRepository} on the {@code audit_log} table; its generated id is the cursor. */
public final class JdbiAuditRepository implements AuditRepository {

    private final AuditDao dao;

    @Inject
    public JdbiAuditRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(AuditDao.class);
    }

    @Override
    public void append(AuditEntry entry) {
        dao.insert(new AuditRow(0, UtcTimes.toColumn(entry.at()), entry.actor(), entry.action(), entry.target(),
                entry.address(), entry.outcome().apiName(), entry.detail()));
    }

    @Override
    public List<AuditRecord> list(Instant since, long after, int limit) {
        return dao.list(UtcTimes.toColumn(since), after, limit).stream().map(JdbiAuditRepository::toRecord).toList();
    }

    @Override
    public int purgeBefore(Instant cutoff) {
        return dao.purgeBefore(UtcTimes.toColumn(cutoff));
    }

    private static AuditRecord toRecord(AuditRow row) {
        return new AuditRecord(row.id(), new AuditEntry(UtcTimes.toInstant(row.occurredAt()), row.actor(),
                row.action(), row.target(), row.address(),
                ApiNames.parse(AuditEntry.Outcome.class, AuditEntry.Outcome::apiName, row.outcome()), row.detail()));
    }
}
