package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticateServiceTest {

    private final AccountFixture accounts = new AccountFixture();

    @BeforeEach
    void addUsers() {
        accounts.addUser("user1", "user1pass");
        accounts.addUser("user2", "user2pass");
    }

    @Test
    void accessTokenOfAnActiveSession_authenticatesTheUserWithThatSession() {
        TokenPair tokens = accounts.login("user1", "user1pass");

        AuthenticatedUser caller = accounts.authenticate.authenticate(tokens.accessToken());

        assertEquals("user1", caller.username().value());
        assertEquals(accounts.codec.claimsOf(tokens.accessToken()).subject(), caller.id());
        assertEquals(accounts.sessions.all().getFirst().id(), caller.session().orElseThrow());
        assertTrue(caller.apiToken().isEmpty());
    }

    @Test
    void givenLoggedOutSession_accessTokenIsRefused() {
        TokenPair tokens = accounts.login("user1", "user1pass");
        accounts.logout.logout(accounts.authenticate.authenticate(tokens.accessToken()));

        assertRefused(tokens.accessToken());
    }

    @Test
    void givenExpiredAccessToken_isRefused() {
        TokenPair tokens = accounts.login("user1", "user1pass");
        accounts.clock.advance(Duration.ofHours(1));

        assertRefused(tokens.accessToken());
    }

    @Test
    void refreshToken_isRefusedAsABearerToken() {
        assertRefused(accounts.login("user1", "user1pass").refreshToken());
    }

    @Test
    void forgedMissingOrBlankTokens_areRefused() {
        assertRefused("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        assertRefused(null);
        assertRefused(" ");
    }

    @Test
    void accessTokenNamingAnotherUsersSession_isRefused() {
        Claims genuine = accounts.codec.claimsOf(accounts.login("user1", "user1pass").accessToken());
        String mixed = accounts.codec.issue(new Claims(Kind.ACCESS, UserId.random(), "user2", genuine.id(),
                genuine.issuedAt(), genuine.expiresAt()));

        assertRefused(mixed);
    }

    @Test
    void apiToken_authenticatesByApiToken_andRecordsItsUse() {
        String secret = createApiToken("user1", "script");

        AuthenticatedUser caller = accounts.authenticate.authenticate(secret);

        ApiToken stored = accounts.apiTokens.all().getFirst();
        assertEquals(Optional.of(stored.id()), caller.apiToken());
        assertTrue(caller.session().isEmpty());
        assertEquals("user1", caller.username().value());
        assertEquals(Optional.of(accounts.now()), stored.lastUsedAt());
    }

    @Test
    void apiTokenUse_isWrittenAtMostOnceAMinute() {
        String secret = createApiToken("user1", "script");

        accounts.authenticate.authenticate(secret);
        accounts.clock.advance(Duration.ofSeconds(59));
        accounts.authenticate.authenticate(secret);
        assertEquals(1, accounts.apiTokens.markUsedCalls());

        accounts.clock.advance(Duration.ofSeconds(1));
        accounts.authenticate.authenticate(secret);
        assertEquals(2, accounts.apiTokens.markUsedCalls());
        assertEquals(Optional.of(accounts.now()), accounts.apiTokens.all().getFirst().lastUsedAt());
    }

    @Test
    void givenDeletedApiToken_isRefused() {
        String secret = createApiToken("user1", "script");
        UserId owner = accounts.codec.claimsOf(secret).subject();
        accounts.deleteApiToken.delete(owner, "script");

        assertRefused(secret);
    }

    @Test
    void apiTokenWithTheRightIdButAnotherSecret_isRefused() {
        Claims genuine = accounts.codec.claimsOf(createApiToken("user1", "script"));
        String other = accounts.codec.issue(new Claims(Kind.API, genuine.subject(), genuine.username(), genuine.id(),
                genuine.issuedAt().plusSeconds(1), Optional.empty()));

        assertRefused(other);
    }

    @Test
    void apiTokenClaimingAnotherOwner_isRefused() {
        Claims genuine = accounts.codec.claimsOf(createApiToken("user1", "script"));
        UserId user2 = accounts.loggedIn("user2", "user2pass").id();
        String other = accounts.codec.issue(new Claims(Kind.API, user2, "user2", genuine.id(), genuine.issuedAt(),
                Optional.empty()));

        assertRefused(other);
    }

    private String createApiToken(String username, String tokenName) {
        AuthenticatedUser caller = accounts.loggedIn(username, username + "pass");
        return accounts.createApiToken.create(new CreateApiTokenCommand(caller, tokenName, username + "pass")).token();
    }

    private void assertRefused(String token) {
        AapfException error = assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.authenticate.authenticate(token));
        assertEquals("Invalid or expired token.", error.getMessage());
    }
}
