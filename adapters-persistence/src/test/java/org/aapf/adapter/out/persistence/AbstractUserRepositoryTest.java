package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.OTHER_HASH;
import static org.aapf.adapter.out.persistence.Accounts.T0_STORED;
import static org.aapf.adapter.out.persistence.Accounts.at;
import static org.aapf.adapter.out.persistence.Accounts.session;
import static org.aapf.adapter.out.persistence.Accounts.token;
import static org.aapf.adapter.out.persistence.Accounts.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.application.port.out.SessionRepository;
import org.aapf.application.port.out.UserRepository;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.session.Session;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.aapf.domain.user.Username;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link UserRepository}, run against every database by the concrete subclasses. */
abstract class AbstractUserRepositoryTest extends DatabaseFixture {

    private UserRepository users;
    private SessionRepository sessions;
    private ApiTokenRepository tokens;

    @BeforeEach
    void createRepositories() {
        users = newUserRepository();
        sessions = newSessionRepository();
        tokens = newApiTokenRepository();
    }

    @Test
    void addedUserIsFoundByIdAndByUsername() {
        User alice = user("alice");
        users.add(alice);

        User byId = users.findById(alice.id()).orElseThrow();
        User byName = users.findByUsername(new Username("alice")).orElseThrow();

        assertEquals(alice.id(), byId.id());
        assertEquals(alice.id(), byName.id());
        assertEquals("alice", byId.username().value());
        assertEquals(alice.passwordHash(), byId.passwordHash());
    }

    @Test
    void userFromTheProviderIsFoundByItsIssuerAndSubjectWithAdminFlagAndGroups() {
        ExternalIdentity identity = new ExternalIdentity("https://idp.example.org/realms/aapf", "f3a1-subject");
        User carol = User.signUp(new Username("carol"), Accounts.HASH, identity, Set.of("analysts", "aapf-admins"),
                true, T0_STORED);
        users.add(carol);
        users.add(user("dave"));

        User found = users.findByExternalIdentity(identity).orElseThrow();
        assertEquals(carol.id(), found.id());
        assertTrue(found.isAdmin());
        assertEquals(Set.of("aapf-admins", "analysts"), found.groups());
        assertTrue(users.findByExternalIdentity(new ExternalIdentity(identity.issuer(), "other")).isEmpty());
        assertTrue(users.findByExternalIdentity(new ExternalIdentity("https://other.example.org", "f3a1-subject"))
                .isEmpty());

        found.applyProviderClaims(Set.of("interns"), false);
        users.update(found);
        User updated = users.findById(carol.id()).orElseThrow();
        assertFalse(updated.isAdmin());
        assertEquals(Set.of("interns"), updated.groups());
        User dave = users.findByUsername(new Username("dave")).orElseThrow();
        assertTrue(dave.externalIdentity().isEmpty());
        assertFalse(dave.isAdmin());
    }

    @Test
    void secondUserLinkedToTheSameProviderSubjectIsRefused() {
        ExternalIdentity identity = new ExternalIdentity("https://idp.example.org", "same-subject");
        users.add(User.signUp(new Username("erin"), Accounts.HASH, identity, Set.of(), false, T0_STORED));

        AapfException refused = assertThrows(AapfException.class, () -> users.add(
                User.signUp(new Username("erin2"), Accounts.HASH, identity, Set.of(), false, T0_STORED)));
        assertEquals(ErrorReason.INVALID_INPUT, refused.reason());
    }

    @Test
    void instantsComeBackInUtcTruncatedToMicroseconds() {
        User alice = user("alice");
        users.add(alice);

        User stored = users.findById(alice.id()).orElseThrow();

        assertEquals(T0_STORED, stored.createdAt());
        assertEquals(T0_STORED, stored.passwordChangedAt());
    }

    @Test
    void namesDifferingOnlyInCase_areOneName() {
        User alice = user("alice");
        users.add(alice);

        AapfException error = assertThrows(AapfException.class, () -> users.add(user("Alice")));

        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertEquals(alice.id(), users.findByUsername(new Username("ALICE")).orElseThrow().id());
        assertEquals(1, users.list().size());
    }

    @Test
    void unknownUserIsNotFound() {
        assertTrue(users.findById(UserId.random()).isEmpty());
        assertTrue(users.findByUsername(new Username("nobody")).isEmpty());
    }

    @Test
    void givenTakenUsername_addFailsWithInvalidInput() {
        users.add(user("alice"));

        AapfException error = assertThrows(AapfException.class, () -> users.add(user("alice")));

        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertTrue(error.getMessage().contains("already taken"), error.getMessage());
        assertEquals(1, users.list().size());
    }

    @Test
    void givenRacingAddsOfOneUsername_exactlyOneSucceedsAndTheOthersAreInvalidInput() throws Exception {
        List<Races.Outcome<Boolean>> outcomes = Races.run(8, racer -> {
            users.add(user("racer"));
            return true;
        });

        long added = outcomes.stream().filter(outcome -> outcome.error() == null).count();
        long refused = outcomes.stream()
                .filter(outcome -> outcome.error() instanceof AapfException e
                        && e.reason() == ErrorReason.INVALID_INPUT)
                .count();
        assertEquals(1, added);
        assertEquals(7, refused);
    }

    @Test
    void updateSavesPasswordHashAndChangeTime() {
        User alice = user("alice");
        users.add(alice);

        alice.changePassword(OTHER_HASH, at(60));
        users.update(alice);

        User stored = users.findById(alice.id()).orElseThrow();
        assertEquals(OTHER_HASH, stored.passwordHash());
        assertEquals(at(60), stored.passwordChangedAt());
        assertEquals(T0_STORED, stored.createdAt());
    }

    @Test
    void givenRemovedUser_updateFailsWithNotFound() {
        User alice = user("alice");

        AapfException error = assertThrows(AapfException.class, () -> users.update(alice));

        assertEquals(ErrorReason.NOT_FOUND, error.reason());
    }

    @Test
    void listReturnsAllUsersOrderedByUsername() {
        users.add(user("carol"));
        users.add(user("alice"));
        users.add(user("bob"));

        List<String> names = users.list().stream().map(user -> user.username().value()).toList();

        assertEquals(List.of("alice", "bob", "carol"), names);
    }

    @Test
    void removeDeletesTheUserOnce() {
        User alice = user("alice");
        users.add(alice);

        assertTrue(users.remove(alice.id()));
        assertFalse(users.remove(alice.id()));
        assertTrue(users.findById(alice.id()).isEmpty());
    }

    @Test
    void removedUsernameCanBeRegisteredAgain() {
        User first = user("alice");
        users.add(first);
        users.remove(first.id());

        User second = user("alice");
        users.add(second);

        assertEquals(second.id(), users.findByUsername(new Username("alice")).orElseThrow().id());
    }

    @Test
    void removeDeletesTheUsersSessionsAndTokensButNotOthers() {
        User alice = user("alice");
        User bob = user("bob");
        users.add(alice);
        users.add(bob);
        Session aliceSession = session(alice.id(), at(0), Duration.ofDays(1));
        Session bobSession = session(bob.id(), at(0), Duration.ofDays(1));
        sessions.add(aliceSession);
        sessions.add(bobSession);
        ApiToken aliceToken = token(alice.id(), "ci", at(0));
        ApiToken bobToken = token(bob.id(), "ci", at(0));
        tokens.add(aliceToken);
        tokens.add(bobToken);

        users.remove(alice.id());

        assertTrue(sessions.findById(aliceSession.id()).isEmpty());
        assertTrue(tokens.findById(aliceToken.id()).isEmpty());
        assertTrue(sessions.findById(bobSession.id()).isPresent());
        assertTrue(tokens.findById(bobToken.id()).isPresent());
    }

    /** The ApiToken repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected ApiTokenRepository newApiTokenRepository() {
        return new JdbiApiTokenRepository(jdbi());
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
