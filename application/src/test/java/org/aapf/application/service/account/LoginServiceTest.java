package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.ADDRESS;
import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginServiceTest {

    private final AccountFixture accounts = new AccountFixture();

    @BeforeEach
    void addUser() {
        accounts.addUser("user1", "user1pass");
    }

    @Test
    void givenRightPassword_returnsAccessAndRefreshTokensOfANewSession() {
        TokenPair tokens = accounts.login("user1", "user1pass");

        Session session = accounts.sessions.all().getFirst();
        Claims access = accounts.codec.claimsOf(tokens.accessToken());
        Claims refresh = accounts.codec.claimsOf(tokens.refreshToken());
        assertEquals(Kind.ACCESS, access.kind());
        assertEquals(Kind.REFRESH, refresh.kind());
        assertEquals(session.id().value(), access.id());
        assertEquals(session.id().value(), refresh.id());
        assertEquals("user1", access.username());
        assertEquals(accounts.now(), access.issuedAt());
        assertEquals(Optional.of(accounts.now().plus(Duration.ofHours(1))), access.expiresAt());
        assertEquals(accounts.now().plus(Duration.ofDays(30)), session.expiresAt());
        assertEquals(Optional.of(session.expiresAt()), refresh.expiresAt());
        assertEquals(accounts.now(), session.createdAt());
    }

    @Test
    void givenWrongPassword_isUnauthenticatedWithTheGenericMessage() {
        AapfException error = assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "wrongpass"));

        assertEquals("Invalid username or password.", error.getMessage());
        assertTrue(accounts.sessions.all().isEmpty());
    }

    @Test
    void givenUnknownUser_failsLikeAWrongPassword_afterVerifyingTheDecoy() {
        AapfException error = assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("nobody", "user1pass"));

        assertEquals("Invalid username or password.", error.getMessage());
        assertEquals(accounts.hasher.decoy(), accounts.hasher.verified().getLast());
    }

    @Test
    void givenImpossibleUsername_failsLikeAnUnknownUser() {
        AapfException error = assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("no such/user", "x"));

        assertEquals("Invalid username or password.", error.getMessage());
        assertEquals(accounts.hasher.decoy(), accounts.hasher.verified().getLast());
    }

    @Test
    void givenEmptyPassword_isInvalidInput() {
        assertFails(ErrorReason.INVALID_INPUT, () -> accounts.login("user1", ""));
    }

    @Test
    void afterFiveFailures_theAccountIsThrottledEvenForTheRightPassword_withoutHashing() {
        failLogins("user1", 5);
        int verifiedBefore = accounts.hasher.verified().size();

        AapfException error = assertFails(ErrorReason.THROTTLED, () -> accounts.login("user1", "user1pass"));

        assertEquals(Optional.of(Duration.ofSeconds(30)), error.retryAfter());
        assertEquals(verifiedBefore, accounts.hasher.verified().size());
    }

    @Test
    void fourFailures_doNotThrottle() {
        failLogins("user1", 4);

        assertNotEquals(null, accounts.login("user1", "user1pass").accessToken());
    }

    @Test
    void throttleEndsAfterTheBackoff_andTheNextFailureDoublesIt() {
        failLogins("user1", 5);
        accounts.clock.advance(Duration.ofSeconds(30));

        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "wrongpass"));
        AapfException error = assertFails(ErrorReason.THROTTLED, () -> accounts.login("user1", "user1pass"));

        assertEquals(Optional.of(Duration.ofSeconds(60)), error.retryAfter());
    }

    @Test
    void backoffKeepsDoublingWhileFailuresContinue_upToFifteenMinutes() {
        failLogins("user1", 5);
        for (Duration expected : new Duration[] {Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofMinutes(4), Duration.ofMinutes(8), Duration.ofMinutes(15), Duration.ofMinutes(15)}) {
            assertEquals(expected, throttledFor("user1"));
            accounts.clock.advance(expected);
            failLogins("user1", 1);
        }
    }

    @Test
    void successfulLogin_clearsTheAccountFailures() {
        failLogins("user1", 4);
        accounts.login("user1", "user1pass");

        failLogins("user1", 4);

        assertNotEquals(null, accounts.login("user1", "user1pass").refreshToken());
    }

    @Test
    void unknownUsernames_areThrottledLikeKnownOnes() {
        failLogins("nobody", 5);

        AapfException error = assertFails(ErrorReason.THROTTLED, () -> accounts.login("nobody", "whatever"));

        assertEquals(LoginThrottle.THROTTLED_MESSAGE, error.getMessage());
    }

    @Test
    void failuresOlderThanTheWindow_areForgotten() {
        failLogins("user1", 4);
        accounts.clock.advance(Duration.ofMinutes(16));

        failLogins("user1", 4);

        assertNotEquals(null, accounts.login("user1", "user1pass").accessToken());
    }

    @Test
    void afterTwentyFailuresFromOneAddress_everyAccountIsThrottledFromThere() {
        for (int i = 0; i < 20; i++) {
            failLogins("guess" + i, 1);
        }

        assertFails(ErrorReason.THROTTLED, () -> accounts.login("user1", "user1pass"));
        TokenPair fromElsewhere = accounts.login.login(new LoginCommand("user1", "user1pass", "198.51.100.7"));
        assertNotEquals(null, fromElsewhere.accessToken());
    }

    @Test
    void withoutAClientAddress_onlyTheAccountIsThrottled() {
        for (int i = 0; i < 20; i++) {
            String guess = "guess" + i;
            assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login.login(new LoginCommand(guess, "x", null)));
        }

        assertNotEquals(null, accounts.login.login(new LoginCommand("user1", "user1pass", null)).accessToken());
    }

    private Duration throttledFor(String username) {
        return assertFails(ErrorReason.THROTTLED, () -> accounts.login(username, "user1pass")).retryAfter().orElseThrow();
    }

    private void failLogins(String username, int times) {
        for (int i = 0; i < times; i++) {
            assertFails(ErrorReason.UNAUTHENTICATED,
                    () -> accounts.login.login(new LoginCommand(username, "wrongpass", ADDRESS)));
        }
    }
}
