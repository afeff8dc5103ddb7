package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.at;
import static org.aapf.adapter.out.persistence.Accounts.token;
import static org.aapf.adapter.out.persistence.Accounts.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.ApiTokenRepository;
import org.aapf.domain.common.DisplayName;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.ApiTokenId;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.token.TokenName;
import org.aapf.domain.user.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.aapf.application.port.out.UserRepository;

/** Contract of {@link ApiTokenRepository}, run against every database by the concrete subclasses. */
abstract class AbstractApiTokenRepositoryTest extends DatabaseFixture {

    private ApiTokenRepository tokens;
    private User alice;
    private User bob;

    @BeforeEach
    void createRepositoryAndUsers() {
        tokens = newApiTokenRepository();
        UserRepository users = newUserRepository();
        alice = user("alice");
        bob = user("bob");
        users.add(alice);
        users.add(bob);
    }

    @Test
    void addedTokenIsFoundByIdAndByName() {
        ApiToken added = ApiToken.issue(ApiTokenId.random(), alice.id(), new TokenName("ci"),
                SecretDigest.sha256("s3cret"), Accounts.T0);
        tokens.add(added);

        ApiToken byId = tokens.findById(added.id()).orElseThrow();
        ApiToken byName = tokens.findByName(alice.id(), new TokenName("ci")).orElseThrow();

        assertEquals(added.id(), byName.id());
        assertEquals(alice.id(), byId.owner());
        assertEquals("ci", byId.name().value());
        assertTrue(byId.matches(SecretDigest.sha256("s3cret")));
        assertEquals(Accounts.T0_STORED, byId.createdAt());
        assertTrue(byId.lastUsedAt().isEmpty());
    }

    @Test
    void tokenIsNotFoundUnderAnotherOwner() {
        tokens.add(token(alice.id(), "ci", at(0)));

        assertTrue(tokens.findByName(bob.id(), new TokenName("ci")).isEmpty());
        assertTrue(tokens.findById(ApiTokenId.random()).isEmpty());
    }

    @Test
    void listByOwnerReturnsOnlyTheOwnersTokensByCreationTimeThenName() {
        tokens.add(token(alice.id(), "zeta", at(10)));
        tokens.add(token(alice.id(), "beta", at(20)));
        tokens.add(token(alice.id(), "alpha", at(20)));
        tokens.add(token(bob.id(), "bobs", at(5)));

        List<String> names = tokens.listByOwner(alice.id()).stream().map(token -> token.name().value()).toList();

        assertEquals(List.of("zeta", "alpha", "beta"), names);
    }

    @Test
    void givenOwnerHasTokenOfThatName_addFailsWithInvalidInput() {
        tokens.add(token(alice.id(), "ci", at(0)));

        AapfException error = assertThrows(AapfException.class, () -> tokens.add(token(alice.id(), "ci", at(1))));

        assertEquals(ErrorReason.INVALID_INPUT, error.reason());
        assertTrue(error.getMessage().contains("already exists"), error.getMessage());
        assertEquals(1, tokens.listByOwner(alice.id()).size());
    }

    @Test
    void sameTokenNameIsAllowedForAnotherUser() {
        tokens.add(token(alice.id(), "ci", at(0)));
        tokens.add(token(bob.id(), "ci", at(0)));

        assertEquals(1, tokens.listByOwner(bob.id()).size());
    }

    @Test
    void givenRacingAddsOfOneName_exactlyOneSucceedsAndTheOthersAreInvalidInput() throws Exception {
        List<Races.Outcome<Boolean>> outcomes = Races.run(8, racer -> {
            tokens.add(token(alice.id(), "race", at(racer)));
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
    void longestAllowedNameIsStoredEvenWithCharactersOutsideTheBasicPlane() {
        String name = "\uD83D\uDE80".repeat(DisplayName.MAX_LENGTH);
        tokens.add(token(alice.id(), name, at(0)));

        assertEquals(name, tokens.findByName(alice.id(), new TokenName(name)).orElseThrow().name().value());
    }

    @Test
    void markUsedRecordsTheNewestUseOnly() {
        ApiToken added = token(alice.id(), "ci", at(0));
        tokens.add(added);

        tokens.markUsed(added.id(), at(30));
        tokens.markUsed(added.id(), at(20));

        assertEquals(Optional.of(at(30)), tokens.findById(added.id()).orElseThrow().lastUsedAt());
    }

    @Test
    void deleteRemovesOnlyTheOwnersTokenOnce() {
        ApiToken alices = token(alice.id(), "ci", at(0));
        ApiToken bobs = token(bob.id(), "ci", at(0));
        tokens.add(alices);
        tokens.add(bobs);

        assertTrue(tokens.delete(alice.id(), new TokenName("ci")));
        assertFalse(tokens.delete(alice.id(), new TokenName("ci")));
        assertTrue(tokens.findById(alices.id()).isEmpty());
        assertTrue(tokens.findById(bobs.id()).isPresent());
    }

    @Test
    void givenRemovedOwner_addFailsWithNotFound() {
        ApiToken orphan = token(user("ghost").id(), "ci", at(0));

        AapfException error = assertThrows(AapfException.class, () -> tokens.add(orphan));

        assertEquals(ErrorReason.NOT_FOUND, error.reason());
    }

    /** The ApiToken repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected ApiTokenRepository newApiTokenRepository() {
        return new JdbiApiTokenRepository(jdbi());
    }

    /** The User repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected UserRepository newUserRepository() {
        return new JdbiUserRepository(jdbi());
    }
}
