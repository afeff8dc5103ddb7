package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.at;
import static org.aapf.adapter.out.persistence.Accounts.session;
import static org.aapf.adapter.out.persistence.Accounts.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.session.Session;
import org.aapf.domain.session.SessionId;
import org.aapf.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.aapf.application.port.out.UserRepository;

/** Contract of {@link SessionRepository}, run against every database by the concrete subclasses. */
abstract class AbstractSessionRepositoryTest extends DatabaseFixture {

    private static final Duration DAY = Duration.ofDays(1);

    private SessionRepository sessions;
    private User alice;
    private User bob;

    @BeforeEach
    void createRepositoryAndUsers() {
        sessions = newSessionRepository();
        UserRepository users = newUserRepository();
        alice = user("alice");
        bob = user("bob");
        users.add(alice);
        users.add(bob);
    }

    @Test
    void addedSessionIsFoundById() {
        Session added = Session.start(alice.id(), Accounts.T0, Accounts.T0.plus(DAY));
        sessions.add(added);

        Session stored = sessions.findById(added.id()).orElseThrow();

        assertEquals(alice.id(), stored.userId());
        assertEquals(Accounts.T0_STORED, stored.createdAt());
        assertEquals(Accounts.T0_STORED.plus(DAY), stored.expiresAt());
        assertTrue(stored.revokedAt().isEmpty());
    }

    @Test
    void unknownSessionIsNotFound() {
        assertTrue(sessions.findById(SessionId.random()).isEmpty());
    }

    @Test
    void givenRemovedUser_addFailsWithNotFound() {
        Session orphan = session(user("ghost").id(), at(0), DAY);

        AapfException error = assertThrows(AapfException.class, () -> sessions.add(orphan));

        assertEquals(ErrorReason.NOT_FOUND, error.reason());
    }

    @Test
    void revokeMarksTheSessionAndKeepsTheFirstRevocationTime() {
        Session added = session(alice.id(), at(0), DAY);
        sessions.add(added);

        sessions.revoke(added.id(), at(10));
        sessions.revoke(added.id(), at(20));

        Session stored = sessions.findById(added.id()).orElseThrow();
        assertEquals(Optional.of(at(10)), stored.revokedAt());
        assertFalse(stored.isActiveAt(at(11)));
    }

    @Test
    void revokeAllRevokesOnlyTheActiveSessionsOfThatUser() {
        Session first = session(alice.id(), at(0), DAY);
        Session second = session(alice.id(), at(1), DAY);
        Session alreadyRevoked = session(alice.id(), at(2), DAY);
        Session expired = session(alice.id(), at(0), Duration.ofSeconds(5));
        Session bobs = session(bob.id(), at(0), DAY);
        for (Session session : new Session[] {first, second, alreadyRevoked, expired, bobs}) {
            sessions.add(session);
        }
        sessions.revoke(alreadyRevoked.id(), at(50));

        sessions.revokeAll(alice.id(), at(100));

        assertEquals(Optional.of(at(100)), revokedAt(first));
        assertEquals(Optional.of(at(100)), revokedAt(second));
        assertEquals(Optional.of(at(50)), revokedAt(alreadyRevoked));
        assertEquals(Optional.empty(), revokedAt(expired));
        assertEquals(Optional.empty(), revokedAt(bobs));
    }

    @Test
    void purgeDeletesSessionsThatExpiredOrWereRevokedBeforeTheCutoff() {
        Session expiredEarly = session(alice.id(), at(0), Duration.ofSeconds(10));
        Session revokedEarly = session(alice.id(), at(0), DAY);
        Session revokedLate = session(alice.id(), at(0), DAY);
        Session active = session(bob.id(), at(0), DAY);
        for (Session session : new Session[] {expiredEarly, revokedEarly, revokedLate, active}) {
            sessions.add(session);
        }
        sessions.revoke(revokedEarly.id(), at(20));
        sessions.revoke(revokedLate.id(), at(200));

        int purged = sessions.purgeEndedBefore(at(100));

        assertEquals(2, purged);
        assertTrue(sessions.findById(expiredEarly.id()).isEmpty());
        assertTrue(sessions.findById(revokedEarly.id()).isEmpty());
        assertTrue(sessions.findById(revokedLate.id()).isPresent());
        assertTrue(sessions.findById(active.id()).isPresent());
    }

    private Optional<Instant> revokedAt(Session session) {
        return sessions.findById(session.id()).orElseThrow().revokedAt();
    }

    /** The Session repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected SessionRepository newSessionRepository() {
        return new JdbiSessionRepository(jdbi());
    }

    /** The User repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected UserRepository newUserRepository() {
        return new JdbiUserRepository(jdbi());
    }
}
