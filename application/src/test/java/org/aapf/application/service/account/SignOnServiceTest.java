package org.aapf.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.aapf.application.port.in.SignOnUseCase.SignOnCallback;
import org.aapf.application.port.in.SignOnUseCase.SignOnStart;
import org.aapf.application.port.out.IdentityProvider;
import org.aapf.application.port.out.IdentityProvider.ProvenIdentity;
import org.aapf.application.testing.FakeIdentityProvider;
import org.aapf.application.testing.InMemorySignOnRepository;
import org.aapf.domain.audit.AuditEntry;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.ExternalIdentity;
import org.aapf.domain.user.User;
import org.aapf.domain.user.Username;
import org.junit.jupiter.api.Test;

class SignOnServiceTest {

    private static final String ISSUER = "https://idp.example.org";
    private static final String BROWSER = "192.0.2.7";

    private final AccountFixture accounts = new AccountFixture();
    private final FakeIdentityProvider idp = new FakeIdentityProvider();
    private final List<AuditEntry> audited = new CopyOnWriteArrayList<>();
    private final SignOnService service = new SignOnService(Optional.<IdentityProvider>of(idp),
            new InMemorySignOnRepository(), accounts.users, accounts.sessions, accounts.hasher, accounts.codec,
            accounts.settings, new SignOnSettings(false, Optional.of("admins")), audited::add, accounts.clock);

    private String signOn(ProvenIdentity identity) {
        SignOnStart start = service.start();
        return service.complete(new SignOnCallback(start.state(), start.state(), idp.issue(identity), null,
                BROWSER));
    }

    private static ProvenIdentity identity(String subject, String username, String... groups) {
        return new ProvenIdentity(new ExternalIdentity(ISSUER, subject), username, Set.of(groups));
    }

    @Test
    void everySignOn_succeededOrRefused_isInTheAuditTrail_underTheProvidersUsername() {
        signOn(identity("sub-e", "erin"));
        SignOnStart replayed = service.start();
        String code = idp.issue(identity("sub-f", "frank"));
        service.complete(new SignOnCallback(replayed.state(), replayed.state(), code, null, BROWSER));
        assertThrows(AapfException.class,
                () -> service.complete(new SignOnCallback(replayed.state(), replayed.state(), code, null, BROWSER)));
        accounts.addUser("gina", "gina-pass-1");
        assertThrows(AapfException.class, () -> signOn(identity("sub-g", "gina")));

        assertEquals(List.of("erin SUCCEEDED", "frank SUCCEEDED", "(unknown) REFUSED", "gina REFUSED"),
                audited.stream().map(entry -> entry.actor() + " " + entry.outcome()).toList());
        assertTrue(audited.stream().allMatch(entry -> entry.action().equals("login.sso")
                && entry.address().equals(BROWSER)));
        assertTrue(audited.get(3).detail().contains("belongs to another AAPF account"), audited.get(3).detail());
    }

    @Test
    void firstSignOnCreatesALinkedUserAndTheOneTimeCodeGivesWorkingTokens() {
        String code = signOn(identity("sub-1", "alice", "admins", "analysts"));
        var tokens = service.redeem(code);

        assertEquals("alice", accounts.authenticate.authenticate(tokens.accessToken()).username().value());
        User alice = accounts.users.findByUsername(new Username("alice")).orElseThrow();
        assertTrue(alice.isAdmin());
        assertEquals(Set.of("admins", "analysts"), alice.groups());
        AapfException again = assertThrows(AapfException.class, () -> service.redeem(code));
        assertEquals(ErrorReason.INVALID_INPUT, again.reason());
    }

    @Test
    void pkceVerifierIsLongEnoughAndEveryAttemptIsFresh() {
        SignOnStart first = service.start();
        var firstRequest = idp.lastRequest();
        SignOnStart second = service.start();
        assertTrue(firstRequest.codeVerifier().length() >= 43 && firstRequest.codeVerifier().length() <= 128);
        assertFalse(first.state().equals(second.state()));
        assertFalse(firstRequest.nonce().equals(idp.lastRequest().nonce()));
    }

    @Test
    void stateThatDoesNotMatchTheBrowsersOrWasUsedIsRefused() {
        SignOnStart start = service.start();
        String code = idp.issue(identity("sub-2", "bob"));
        assertEquals(ErrorReason.INVALID_INPUT, assertThrows(AapfException.class,
                () -> service.complete(new SignOnCallback(start.state(), "other", code, null, BROWSER))).reason());
        assertEquals(ErrorReason.INVALID_INPUT, assertThrows(AapfException.class,
                () -> service.complete(new SignOnCallback("forged", "forged", code, null, BROWSER))).reason());

        service.complete(new SignOnCallback(start.state(), start.state(), code, null, BROWSER));
        assertEquals(ErrorReason.INVALID_INPUT, assertThrows(AapfException.class,
                () -> service.complete(new SignOnCallback(start.state(), start.state(), code, null, BROWSER)))
                .reason());
    }

    @Test
    void expiredAttemptIsRefused() {
        SignOnStart start = service.start();
        accounts.clock.advance(SignOnService.ATTEMPT_TTL.plus(Duration.ofSeconds(1)));
        assertEquals(ErrorReason.INVALID_INPUT, assertThrows(AapfException.class, () -> service.complete(
                new SignOnCallback(start.state(), start.state(), idp.issue(identity("s", "x")), null, BROWSER)))
                .reason());
    }

    @Test
    void renameAtTheProviderKeepsTheAccountAndCannotTakeAnother() {
        service.redeem(signOn(identity("sub-c", "carol", "admins")));
        accounts.addUser("dave", "dave-pass-1");

        service.redeem(signOn(identity("sub-c", "dave")));
        User carol = accounts.users.findByExternalIdentity(new ExternalIdentity(ISSUER, "sub-c")).orElseThrow();
        assertEquals("carol", carol.username().value(), "found by subject, not by the new name");
        assertFalse(carol.isAdmin(), "the group left at the provider is taken over");

        AapfException taken = assertThrows(AapfException.class, () -> signOn(identity("sub-other", "dave")));
        assertEquals(ErrorReason.FORBIDDEN, taken.reason());
        assertTrue(accounts.users.findByUsername(new Username("dave")).orElseThrow().externalIdentity().isEmpty());
    }

    @Test
    void withoutAProvider_everyStepSaysSingleSignOnIsNotConfigured() {
        SignOnService none = new SignOnService(Optional.empty(), new InMemorySignOnRepository(), accounts.users,
                accounts.sessions, accounts.hasher, accounts.codec, accounts.settings,
                new SignOnSettings(true, Optional.empty()), audited::add, accounts.clock);

        for (Runnable step : List.<Runnable>of(none::start, () -> none.redeem("code"))) {
            AapfException refused = assertThrows(AapfException.class, step::run);
            assertEquals(ErrorReason.NOT_FOUND, refused.reason());
            assertEquals("Single sign-on is not configured on this server.", refused.getMessage());
        }
    }

    @Test
    void passwordLoginOffRefusesLocalUsersButNotBreakGlassAdmins() {
        LoginService login = new LoginService(accounts.users, accounts.sessions, accounts.attempts, accounts.hasher,
                accounts.codec, accounts.settings, new SignOnSettings(false, Optional.empty()), accounts.clock,
                org.aapf.application.port.out.Metrics.none(), org.aapf.application.port.in.AuditLog.none());
        accounts.addUser("plain", "plain-pass-1");
        accounts.addUser.addUser(new org.aapf.application.port.in.AddUserUseCase.AddUserCommand("root",
                "root-pass-1", true));
        var command = new org.aapf.application.port.in.LoginUseCase.LoginCommand("plain", "plain-pass-1", "192.0.2.1");
        assertEquals(ErrorReason.FORBIDDEN, assertThrows(AapfException.class, () -> login.login(command)).reason());
        assertTrue(login.login(new org.aapf.application.port.in.LoginUseCase.LoginCommand("root", "root-pass-1",
                "192.0.2.1")).accessToken().length() > 0);
    }
}
