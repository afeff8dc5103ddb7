package org.aapf.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.out.Metrics;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.audit.AuditEntry.Outcome;
import org.aapf.domain.error.AapfException;
import org.junit.jupiter.api.Test;

/** Every login attempt reaches the audit trail with the name tried, the address and the outcome, never a password. */
class LoginAuditTest {

    private final AccountFixture accounts = new AccountFixture();
    private final List<AuditEntry> audit = new ArrayList<>();
    private final LoginService login = new LoginService(accounts.users, accounts.sessions, accounts.attempts,
            accounts.hasher, accounts.codec, accounts.settings, SignOnSettings.defaults(), accounts.clock,
            Metrics.none(), audit::add);

    @Test
    void successRefusalsAndThrottlingAreAudited_withoutThePassword() {
        accounts.addUser("user1", "user1pass");

        login.login(new LoginCommand("user1", "user1pass", AccountFixture.ADDRESS));
        for (int i = 0; i < 20 && audit.stream().noneMatch(e -> e.outcome() == Outcome.THROTTLED); i++) {
            assertThrows(AapfException.class, () -> login.login(new LoginCommand("user1", "wrong-guess-1",
                    AccountFixture.ADDRESS)));
        }
        assertThrows(AapfException.class, () -> login.login(new LoginCommand("nobody", "whatever-9",
                "198.51.100.7")));

        assertEquals(new AuditEntry(audit.getFirst().at(), "user1", "login", "", AccountFixture.ADDRESS,
                Outcome.SUCCEEDED, ""), audit.getFirst());
        assertEquals("wrong password", audit.get(1).detail());
        assertEquals(Outcome.REFUSED, audit.get(1).outcome());
        assertEquals(Outcome.THROTTLED, audit.get(audit.size() - 2).outcome());
        assertEquals("nobody", audit.getLast().actor());
        assertEquals("198.51.100.7", audit.getLast().address());
        String trail = audit.toString();
        for (String secret : List.of("user1pass", "wrong-guess-1", "whatever-9")) {
            assertFalse(trail.contains(secret), secret + " in " + trail);
        }
    }
}
