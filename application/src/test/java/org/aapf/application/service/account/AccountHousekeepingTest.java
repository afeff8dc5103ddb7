package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.in.LoginUseCase.TokenPair;
import org.aapf.application.port.in.RefreshAccessTokenUseCase.RefreshAccessTokenCommand;
import org.aapf.application.service.account.AccountHousekeeping.Purged;
import org.aapf.domain.error.ErrorReason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ended sessions and stale failed-login counts are deleted; live ones never are. */
class AccountHousekeepingTest {

    private final AccountFixture accounts = new AccountFixture();
    private final AccountHousekeeping housekeeping = new AccountHousekeeping(accounts.sessions, accounts.attempts,
            accounts.clock, accounts.settings);

    @BeforeEach
    void addUser() {
        accounts.addUser("user1", "user1pass");
    }

    @Test
    void loggedOutSessionIsDeletedAfterTheGraceAndLiveOnesStay() {
        TokenPair loggedOut = accounts.login("user1", "user1pass");
        TokenPair live = accounts.login("user1", "user1pass");
        accounts.logout.logout(accounts.authenticate.authenticate(loggedOut.accessToken()));

        assertEquals(new Purged(0, 0), housekeeping.purgeOnce(), "within the grace nothing goes");
        accounts.clock.advance(AccountHousekeeping.SESSION_GRACE.plusSeconds(1));

        assertEquals(new Purged(1, 0), housekeeping.purgeOnce());
        assertEquals(1, accounts.sessions.all().size());
        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.refresh.refresh(new RefreshAccessTokenCommand(loggedOut.refreshToken())));
        assertTrue(accounts.refresh.refresh(new RefreshAccessTokenCommand(live.refreshToken())).length() > 0);
    }

    @Test
    void expiredSessionIsDeleted() {
        accounts.login("user1", "user1pass");
        accounts.clock.advance(accounts.settings.refreshTokenTtl().plus(AccountHousekeeping.SESSION_GRACE)
                .plusSeconds(1));

        assertEquals(new Purged(1, 0), housekeeping.purgeOnce());
        assertTrue(accounts.sessions.all().isEmpty());
    }

    @Test
    void failedLoginsAreForgottenOnlyOnceTheyCanNoLongerThrottle() {
        assertFails(ErrorReason.UNAUTHENTICATED,
                () -> accounts.login.login(new LoginCommand("user1", "wrong", AccountFixture.ADDRESS)));
        Duration matters = accounts.settings.throttling().window()
                .compareTo(accounts.settings.throttling().maxBackoff()) > 0
                        ? accounts.settings.throttling().window()
                        : accounts.settings.throttling().maxBackoff();

        accounts.clock.advance(matters.minusSeconds(1));
        assertEquals(new Purged(0, 0), housekeeping.purgeOnce());

        accounts.clock.advance(Duration.ofSeconds(2));
        assertEquals(new Purged(0, 2), housekeeping.purgeOnce(), "the account's and the address's counts");
        assertTrue(accounts.attempts.find("user:user1").isEmpty());
    }
}
