package org.aapf.application.port.out;

import java.time.Instant;
import java.util.Optional;
import org.aapf.domain.session.Session;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.UserId;

/** Stores login sessions; shared by all server processes on one database, so revocation is seen everywhere. */
public interface SessionRepository {

    void add(Session session);

    Optional<Session> findById(SessionId id);

    /**
     * The session, as {@link #findById} reads it, for authenticating a request: with its user's list version when
     * the storage can read both at once.
     */
    default Optional<CredentialRead<Session>> findForRequest(SessionId id) {
        return findById(id).map(CredentialRead::alone);
    }

    /** Marks the session revoked at {@code now} (keeps an earlier revocation time). */
    void revoke(SessionId id, Instant now);

    /** Revokes every active session of the user. */
    void revokeAll(UserId userId, Instant now);

    /** Deletes sessions that expired or were revoked before {@code cutoff}; returns how many. */
    int purgeEndedBefore(Instant cutoff);
}
