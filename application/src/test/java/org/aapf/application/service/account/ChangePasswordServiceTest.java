package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChangePasswordServiceTest {

    private final AccountFixture accounts = new AccountFixture();
    private TokenPair tokens;
    private AuthenticatedUser caller;

    @BeforeEach
    void logIn() {
        accounts.addUser("user1", "user1pass");
        tokens = accounts.login("user1", "user1pass");
        caller = accounts.authenticate.authenticate(tokens.accessToken());
    }

    @Test
    void givenRightOldPassword_theNewOneLogsIn_andTheOldOneNoLonger() {
        accounts.clock.advance(Duration.ofMinutes(5));

        change("user1pass", "1234qwer");

        assertNotEquals(null, accounts.login("user1", "1234qwer").accessToken());
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "user1pass"));
        assertEquals(accounts.now(), accounts.users.list().getFirst().passwordChangedAt());
    }

    @Test
    void changingThePassword_revokesEverySessionOfTheUser() {
        TokenPair other = accounts.login("user1", "user1pass");

        change("user1pass", "1234qwer");

        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.authenticate.authenticate(tokens.accessToken()));
        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(other.refreshToken())));
    }

    @Test
    void givenWrongOldPassword_isUnauthenticated_andNothingChanges() {
        assertFails(ErrorReason.UNAUTHENTICATED, () -> change("not-my-password", "1234qwer"));

        assertNotEquals(null, accounts.authenticate.authenticate(tokens.accessToken()));
        assertNotEquals(null, accounts.login("user1", "user1pass").accessToken());
    }

    @Test
    void givenShortNewPassword_isInvalidInputNamingTheField() {
        AapfException error = assertFails(ErrorReason.INVALID_INPUT, () -> change("user1pass", "short"));

        assertEquals("'newPassword' must be at least 8 characters", error.getMessage());
    }

    @Test
    void givenEmptyOldPassword_isInvalidInput() {
        assertFails(ErrorReason.INVALID_INPUT, () -> change("", "1234qwer"));
    }

    private void change(String oldPassword, String newPassword) {
        accounts.changePassword.changePassword(new ChangePasswordCommand(caller, oldPassword, newPassword));
    }
}
