package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aapf.application.port.in.AddUserUseCase.AddUserCommand;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.SetUserPasswordUseCase.SetUserPasswordCommand;
import org.aapf.application.port.in.UserView;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.Test;

/** The operator's commands: add, set password, list and remove users. */
class UserAdministrationTest {

    private final AccountFixture accounts = new AccountFixture();

    @Test
    void addUser_storesAHashedPassword_andReturnsTheAccount() {
        UserView view = accounts.addUser.addUser(new AddUserCommand("user1", "user1pass"));

        assertEquals("user1", view.username());
        assertEquals(accounts.now(), view.createdAt());
        assertEquals(accounts.now(), view.passwordChangedAt());
        assertEquals(accounts.hasher.hash(new org.aapf.domain.user.Password("user1pass")),
                accounts.users.list().getFirst().passwordHash());
        assertNotEquals(null, accounts.login("user1", "user1pass").accessToken());
    }

    @Test
    void givenTakenUsername_addUserIsInvalidInput() {
        accounts.addUser("user1", "user1pass");

        assertFails(ErrorReason.INVALID_INPUT, () -> accounts.addUser("user1", "otherpass"));
        assertEquals(1, accounts.users.list().size());
    }

    @Test
    void givenBadUsernameOrWeakPassword_addUserIsInvalidInput() {
        assertFails(ErrorReason.INVALID_INPUT, () -> accounts.addUser("bad name", "user1pass"));
        assertFails(ErrorReason.INVALID_INPUT, () -> accounts.addUser("user1", "short"));
        assertTrue(accounts.users.list().isEmpty());
    }

    @Test
    void anAdminMayGrantAndRevokeOthersRights_andGrantTheirOwn_butNotRevokeThem() {
        SetAdminService setAdmin = new SetAdminService(accounts.users);
        UserView root = accounts.addUser.addUser(new AddUserCommand("root", "rootpass", true));
        accounts.addUser("carol", "carolpass");
        UserId rootId = UserId.parse(root.id());

        assertTrue(setAdmin.setAdmin(rootId, "carol", true).admin());
        assertFalse(setAdmin.setAdmin(rootId, "carol", false).admin());
        assertTrue(setAdmin.setAdmin(rootId, "root", true).admin(), "granting what one has changes nothing");
        assertFails(ErrorReason.FORBIDDEN, () -> setAdmin.setAdmin(rootId, "root", false));
        assertFalse(setAdmin.setAdmin("root", false).admin(), "the operator may");
    }

    @Test
    void setPassword_replacesThePassword_andRevokesSessions() {
        accounts.addUser("user1", "user1pass");
        TokenPair tokens = accounts.login("user1", "user1pass");

        accounts.setUserPassword.setPassword(new SetUserPasswordCommand("user1", "newpassword"));

        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.authenticate.authenticate(tokens.accessToken()));
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "user1pass"));
        assertNotEquals(null, accounts.login("user1", "newpassword").accessToken());
    }

    @Test
    void givenUnknownUser_setPasswordIsNotFound() {
        assertFails(ErrorReason.NOT_FOUND,
                () -> accounts.setUserPassword.setPassword(new SetUserPasswordCommand("nobody", "newpassword")));
    }

    @Test
    void listUsers_isOrderedByUsername() {
        accounts.addUser("zoe", "zoepassword");
        accounts.addUser("adam", "adampassword");

        List<String> names = accounts.listUsers.listUsers().stream().map(UserView::username).toList();

        assertEquals(List.of("adam", "zoe"), names);
    }

    @Test
    void removeUser_removesTheAccountWithItsSessionsAndTokens() {
        accounts.addUser("user1", "user1pass");
        AuthenticatedUser caller = accounts.loggedIn("user1", "user1pass");
        String secret = accounts.createApiToken.create(new CreateApiTokenCommand(caller, "script", "user1pass")).token();

        accounts.removeUser.removeUser("user1");

        assertTrue(accounts.users.list().isEmpty());
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.authenticate.authenticate(secret));
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "user1pass"));
    }

    @Test
    void givenUnknownUser_removeUserIsNotFound() {
        assertFails(ErrorReason.NOT_FOUND, () -> accounts.removeUser.removeUser("nobody"));
    }
}
