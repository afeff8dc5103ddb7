package org.aapf.application.service.audit;

import jakarta.inject.Inject;
import java.util.List;
import java.util.OptionalLong;
import org.aapf.application.port.in.AuditPage;
import org.aapf.application.port.in.AuditQuery;
import org.aapf.application.port.in.ExportAuditQuery;
import org.aapf.application.port.in.ListAuditQuery;
import org.aapf.application.port.out.AuditRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.audit.AuditRecord;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;

/** Reads the audit trail page by page: for admins over the API, and for the operator's command line. */
public final class AuditTrailService implements ListAuditQuery, ExportAuditQuery {

    static final String ADMINS_ONLY = "Only admins may do this.";

    private final AuditRepository repository;
    private final UserRepository users;

    @Inject
    public AuditTrailService(AuditRepository repository, UserRepository users) {
        this.repository = repository;
        this.users = users;
    }

    @Override
    public AuditPage list(UserId caller, AuditQuery query) {
        User user = users.findById(caller)
                .orElseThrow(() -> AapfException.unauthenticated("Invalid or expired token."));
        if (!user.isAdmin()) {
            throw AapfException.forbidden(ADMINS_ONLY);
        }
        return export(query);
    }

    @Override
    public AuditPage export(AuditQuery query) {
        // one more than asked tells whether another page follows, without a count query
        List<AuditRecord> found = repository.list(query.since(), query.after(), query.limit() + 1);
        if (found.size() <= query.limit()) {
            return new AuditPage(found, OptionalLong.empty());
        }
        List<AuditRecord> page = found.subList(0, query.limit());
        return new AuditPage(page, OptionalLong.of(page.getLast().id()));
    }
}
