package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.CredentialRead;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.session.Session;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/** {@link SessionRepository} on the {@code sessions} table, shared by every server process using the database. */
public final class JdbiSessionRepository implements SessionRepository {

    private final SessionDao dao;
    private final CoalescedReads<CredentialRead<SessionRow>> reads;

    @Inject
    public JdbiSessionRepository(Jdbi jdbi) {
        this.dao = Objects.requireNonNull(jdbi, "'jdbi' must not be null").onDemand(SessionDao.class);
        this.reads = CoalescedReads.of(new HotReads(jdbi), SessionDao.FIND_BY_IDS,
                RowReaders.SESSION_WITH_LIST_VERSION, read -> read.credential().id());
    }

    /** {@inheritDoc} Throws {@code NOT_FOUND} when the user was removed meanwhile. */
    @Override
    public void add(Session session) {
        try {
            dao.insert(session.id().toString(), session.userId().toString(), UtcTimes.toColumn(session.createdAt()),
                    UtcTimes.toColumn(session.expiresAt()), UtcTimes.toColumn(session.revokedAt().orElse(null)));
        } catch (JdbiException e) {
            if (SqlErrors.isForeignKeyViolation(e)) {
                throw AapfException.notFound("the user of this session no longer exists");
            }
            throw e;
        }
    }

    @Override
    public Optional<Session> findById(SessionId id) {
        return findForRequest(id).map(CredentialRead::credential);
    }

    /** {@inheritDoc} One statement reads both, for every request asking at that moment ({@link CoalescedReads}). */
    @Override
    public Optional<CredentialRead<Session>> findForRequest(SessionId id) {
        return reads.find(id.toString())
                .map(read -> new CredentialRead<>(toSession(read.credential()), read.listVersion()));
    }

    @Override
    public void revoke(SessionId id, Instant now) {
        dao.revoke(id.toString(), UtcTimes.toColumn(now));
    }

    @Override
    public void revokeAll(UserId userId, Instant now) {
        dao.revokeAllActive(userId.toString(), UtcTimes.toColumn(now));
    }

    @Override
    public int purgeEndedBefore(Instant cutoff) {
        return dao.deleteEndedBefore(UtcTimes.toColumn(cutoff));
    }

    private static Session toSession(SessionRow row) {
        return Session.restore(SessionId.parse(row.id()), UserId.parse(row.userId()),
                UtcTimes.toInstant(row.createdAt()), UtcTimes.toInstant(row.expiresAt()),
                UtcTimes.toInstant(row.revokedAt()));
    }
}
