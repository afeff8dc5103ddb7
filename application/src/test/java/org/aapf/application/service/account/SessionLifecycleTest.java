package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Refreshing access tokens and logging out. */
class SessionLifecycleTest {

    private final AccountFixture accounts = new AccountFixture();

    @BeforeEach
    void addUser() {
        accounts.addUser("user1", "user1pass");
    }

    @Test
    void refresh_issuesANewAccessTokenForTheSameSession() {
        TokenPair tokens = accounts.login("user1", "user1pass");
        accounts.clock.advance(Duration.ofHours(2));

        String access = accounts.refresh.refresh(new RefreshAccessTokenCommand(tokens.refreshToken()));

        Claims claims = accounts.codec.claimsOf(access);
        assertEquals(Kind.ACCESS, claims.kind());
        assertEquals(accounts.codec.claimsOf(tokens.refreshToken()).id(), claims.id());
        assertEquals(Optional.of(accounts.now().plus(Duration.ofHours(1))), claims.expiresAt());
        assertEquals("user1", accounts.authenticate.authenticate(access).username().value());
    }

    @Test
    void refreshedAccessToken_neverOutlivesTheSession() {
        TokenPair tokens = accounts.login("user1", "user1pass");
        accounts.clock.advance(Duration.ofDays(30).minusMinutes(10));

        String access = accounts.refresh.refresh(new RefreshAccessTokenCommand(tokens.refreshToken()));

        assertEquals(Optional.of(accounts.sessions.all().getFirst().expiresAt()),
                accounts.codec.claimsOf(access).expiresAt());
    }

    @Test
    void accessToken_isRefusedForRefresh() {
        TokenPair tokens = accounts.login("user1", "user1pass");

        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(tokens.accessToken())));
    }

    @Test
    void expiredOrMissingRefreshToken_isRefused() {
        TokenPair tokens = accounts.login("user1", "user1pass");
        accounts.clock.advance(Duration.ofDays(30));

        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(tokens.refreshToken())));
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(null)));
    }

    @Test
    void logout_stopsBothTokensOfTheSession_only() {
        TokenPair first = accounts.login("user1", "user1pass");
        TokenPair second = accounts.login("user1", "user1pass");

        accounts.logout.logout(accounts.authenticate.authenticate(first.accessToken()));

        assertTrue(accounts.sessions.all().getFirst().revokedAt().isPresent());
        assertEquals(Optional.of(accounts.now()), accounts.sessions.all().getFirst().revokedAt());
        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(first.refreshToken())));
        assertNotEquals(null, accounts.authenticate.authenticate(second.accessToken()));
    }

    @Test
    void logoutWithAnApiToken_isInvalidInput() {
        AuthenticatedUser caller = accounts.loggedIn("user1", "user1pass");
        String secret = accounts.createApiToken.create(new CreateApiTokenCommand(caller, "script", "user1pass")).token();
        AuthenticatedUser byToken = accounts.authenticate.authenticate(secret);

        assertFails(ErrorReason.INVALID_INPUT, () -> accounts.logout.logout(byToken));
    }
}
