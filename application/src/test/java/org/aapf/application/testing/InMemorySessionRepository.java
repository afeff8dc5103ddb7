package org.aapf.application.testing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.domain.session.Session;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.UserId;
import java.util.function.Predicate;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;

/** A {@link SessionRepository} in a map; returns copies like a database would. */
public final class InMemorySessionRepository implements SessionRepository {

    private final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    private Predicate<UserId> userExists = user -> true;

    /** From now on a session of a user {@code users} does not know is refused with {@code NOT_FOUND}, as in SQL. */
    public synchronized void requireUsersIn(UserRepository users) {
        userExists = user -> users.findById(user).isPresent();
    }

    @Override
    public synchronized void add(Session session) {
        if (!userExists.test(session.userId())) {
            throw AapfException.notFound("The user of the session does not exist.");
        }
        sessions.put(session.id(), copy(session));
    }

    @Override
    public synchronized Optional<Session> findById(SessionId id) {
        return Optional.ofNullable(sessions.get(id)).map(InMemorySessionRepository::copy);
    }

    @Override
    public synchronized void revoke(SessionId id, Instant now) {
        Optional.ofNullable(sessions.get(id)).filter(session -> session.revokedAt().isEmpty())
                .ifPresent(session -> session.revoke(now));
    }

    @Override
    public synchronized void revokeAll(UserId userId, Instant now) {
        sessions.values().stream()
                .filter(s -> s.userId().equals(userId) && s.revokedAt().isEmpty() && now.isBefore(s.expiresAt()))
                .forEach(s -> s.revoke(now));
    }

    @Override
    public synchronized int purgeEndedBefore(Instant cutoff) {
        List<SessionId> ended = sessions.values().stream()
                .filter(s -> s.expiresAt().isBefore(cutoff) || s.revokedAt().filter(r -> r.isBefore(cutoff)).isPresent())
                .map(Session::id).toList();
        ended.forEach(sessions::remove);
        return ended.size();
    }

    /** Every stored session, for assertions. */
    public synchronized List<Session> all() {
        return sessions.values().stream().map(InMemorySessionRepository::copy).toList();
    }

    void removeAllOf(UserId userId) {
        sessions.values().removeIf(s -> s.userId().equals(userId));
    }

    private static Session copy(Session s) {
        return Session.restore(s.id(), s.userId(), StoredInstants.stored(s.createdAt()),
                StoredInstants.stored(s.expiresAt()), StoredInstants.stored(s.revokedAt()).orElse(null));
    }
}
