package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.in.ApiTokenView;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreatedApiToken;
import org.aapf.application.port.out.TokenCodec.Claims;
import org.aapf.application.port.out.TokenCodec.Kind;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.token.ApiToken;
import org.aapf.domain.token.SecretDigest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Creating, listing, reading and deleting API tokens. */
class ApiTokenServicesTest {

    private final AccountFixture accounts = new AccountFixture();
    private AuthenticatedUser user1;
    private AuthenticatedUser user2;

    @BeforeEach
    void logIn() {
        accounts.addUser("user1", "user1pass");
        accounts.addUser("user2", "user2pass");
        user1 = accounts.loggedIn("user1", "user1pass");
        user2 = accounts.loggedIn("user2", "user2pass");
    }

    @Test
    void create_returnsANeverExpiringApiTokenAndStoresOnlyItsDigest() {
        CreatedApiToken created = create(user1, "APItoken", "user1pass");

        ApiToken stored = accounts.apiTokens.all().getFirst();
        Claims claims = accounts.codec.claimsOf(created.token());
        assertEquals("APItoken", created.tokenName());
        assertEquals(accounts.now(), created.createdAt());
        assertEquals(SecretDigest.sha256(created.token()), stored.digest());
        assertEquals(Kind.API, claims.kind());
        assertEquals(stored.id().value(), claims.id());
        assertEquals(user1.id(), claims.subject());
        assertEquals(Optional.empty(), claims.expiresAt());
    }

    @Test
    void givenWrongPassword_createIsUnauthenticated_andStoresNothing() {
        assertFails(ErrorReason.UNAUTHENTICATED, () -> create(user1, "APItoken", "wrongpass"));

        assertTrue(accounts.apiTokens.all().isEmpty());
    }

    @Test
    void givenBlankName_createIsInvalidInput() {
        assertFails(ErrorReason.INVALID_INPUT, () -> create(user1, "  ", "user1pass"));
    }

    @Test
    void givenANameNoUrlCanHold_createIsInvalidInput() {
        AapfException error = assertFails(ErrorReason.INVALID_INPUT, () -> create(user1, "..", "user1pass"));

        assertEquals("'tokenName' must not be '.' or '..'", error.getMessage());
        assertTrue(accounts.apiTokens.all().isEmpty());
    }

    @Test
    void givenDuplicateName_createIsInvalidInput() {
        create(user1, "APItoken", "user1pass");

        AapfException error = assertFails(ErrorReason.INVALID_INPUT, () -> create(user1, "APItoken", "user1pass"));

        assertEquals("An API token named 'APItoken' already exists.", error.getMessage());
    }

    @Test
    void givenTheMostTokensAnAccountMayHold_createIsForbidden_untilOneIsDeleted() {
        for (int i = 0; i < CreateApiTokenService.MAX_PER_ACCOUNT; i++) {
            create(user1, "t" + i, "user1pass");
        }

        AapfException error = assertFails(ErrorReason.FORBIDDEN, () -> create(user1, "one-more", "user1pass"));

        assertTrue(error.getMessage().startsWith("You hold 100 API tokens, the most one account may"),
                error.getMessage());
        assertEquals(CreateApiTokenService.MAX_PER_ACCOUNT, accounts.listApiTokens.list(user1.id()).size());
        assertNotEquals(null, create(user2, "one-more", "user2pass").token(), "the limit is per account");
        accounts.deleteApiToken.delete(user1.id(), "t0");
        assertNotEquals(null, create(user1, "one-more", "user1pass").token());
    }

    @Test
    void twoUsers_mayUseTheSameTokenName() {
        create(user1, "APItoken", "user1pass");

        assertNotEquals(null, create(user2, "APItoken", "user2pass").token());
    }

    @Test
    void list_showsOnlyTheCallersTokens_oldestFirst() {
        create(user1, "b-first", "user1pass");
        accounts.clock.advance(Duration.ofSeconds(1));
        create(user1, "a-second", "user1pass");
        create(user2, "other", "user2pass");

        List<String> names = accounts.listApiTokens.list(user1.id()).stream().map(ApiTokenView::tokenName).toList();

        assertEquals(List.of("b-first", "a-second"), names);
    }

    @Test
    void get_returnsTheTokenWithoutItsSecret() {
        CreatedApiToken created = create(user1, "APItoken", "user1pass");

        ApiTokenView view = accounts.getApiToken.get(user1.id(), "APItoken");

        assertEquals(new ApiTokenView("APItoken", created.createdAt(), Optional.empty()), view);
    }

    @Test
    void givenUnknownOrOtherUsersToken_getAndDeleteAreNotFound() {
        create(user2, "theirs", "user2pass");

        assertFails(ErrorReason.NOT_FOUND, () -> accounts.getApiToken.get(user1.id(), "missing"));
        assertFails(ErrorReason.NOT_FOUND, () -> accounts.getApiToken.get(user1.id(), "theirs"));
        assertFails(ErrorReason.NOT_FOUND, () -> accounts.deleteApiToken.delete(user1.id(), "theirs"));
        assertEquals(1, accounts.apiTokens.all().size());
    }

    @Test
    void delete_removesTheToken_soItStopsWorking() {
        String secret = create(user1, "APItoken", "user1pass").token();

        accounts.deleteApiToken.delete(user1.id(), "APItoken");

        assertTrue(accounts.listApiTokens.list(user1.id()).isEmpty());
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.authenticate.authenticate(secret));
    }

    private CreatedApiToken create(AuthenticatedUser caller, String name, String password) {
        return accounts.createApiToken.create(new CreateApiTokenCommand(caller, name, password));
    }
}
