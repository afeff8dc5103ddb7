package org.aapf.application.service.account;

import static org.aapf.application.service.account.AccountFixture.ADDRESS;
import static org.aapf.application.service.account.AccountFixture.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aapf.application.port.in.AuthenticatedUser;
import org.aapf.application.port.in.ChangePasswordUseCase.ChangePasswordCommand;
import org.aapf.application.port.in.CreateApiTokenUseCase.CreateApiTokenCommand;
import org.aapf.application.port.in.LoginUseCase.LoginCommand;
import org.aapf.application.port.out.PasswordHasher;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.error.ErrorReason;
import org.aapf.domain.user.Password;
import org.aapf.domain.user.PasswordHash;
import org.junit.jupiter.api.Test;

/** Password checks counted before hashing: bursts, the authenticated checks, and a hasher that refuses. */
class PasswordCheckUnderAttackTest {

    private static final int BURST = 50;

    private final AccountFixture accounts = new AccountFixture();
    private final SlowCountingHasher slow = new SlowCountingHasher(accounts.hasher);
    private final LoginService login = new LoginService(accounts.users, accounts.sessions, accounts.attempts, slow,
            accounts.codec, accounts.settings, accounts.clock);

    @Test
    void burstOfConcurrentWrongPasswordsForOneAccount_hashesAtMostTheThreshold() throws Exception {
        accounts.addUser("user1", "user1pass");

        Map<ErrorReason, Integer> outcomes = burst(i -> new LoginCommand("user1", "wrong" + i, "198.51.100." + i));

        int threshold = accounts.settings.throttling().maxAccountFailures();
        assertEquals(threshold, slow.verifications.get(), "hashes computed");
        assertEquals(Map.of(ErrorReason.UNAUTHENTICATED, threshold, ErrorReason.THROTTLED, BURST - threshold),
                outcomes);
        assertEquals(threshold, accounts.attempts.find("user:user1").orElseThrow().count(),
                "refused attempts are not left counted");
    }

    @Test
    void burstFromOneAddressAcrossAccounts_hashesAtMostTheAddressThreshold() throws Exception {
        Map<ErrorReason, Integer> outcomes = burst(i -> new LoginCommand("someone" + i, "guess", ADDRESS));

        int threshold = accounts.settings.throttling().maxAddressFailures();
        assertEquals(threshold, slow.verifications.get(), "hashes computed");
        assertEquals(BURST - threshold, outcomes.get(ErrorReason.THROTTLED));
    }

    @Test
    void burstOfRightPasswords_theOnesOverTheLimitAreAskedToWaitASecond_andNothingStaysCounted() throws Exception {
        accounts.addUser("user1", "user1pass");

        Map<ErrorReason, Integer> outcomes = burst(i -> new LoginCommand("user1", "user1pass", "198.51.100." + i));

        int refused = outcomes.getOrDefault(ErrorReason.THROTTLED, 0);
        assertEquals(Map.of(), outcomes.entrySet().stream().filter(e -> e.getKey() != ErrorReason.THROTTLED)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(BURST - refused, accounts.sessions.all().size(), "every check that ran started a session");
        assertTrue(accounts.attempts.find("user:user1").map(f -> f.count() == 0).orElse(true));
        accounts.login("user1", "user1pass");
    }

    @Test
    void wrongOldPasswords_areThrottledPerAccount() {
        accounts.addUser("user1", "user1pass");
        AuthenticatedUser caller = accounts.loggedIn("user1", "user1pass");
        int threshold = accounts.settings.throttling().maxAccountFailures();
        for (int i = 0; i < threshold; i++) {
            assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.changePassword.changePassword(
                    new ChangePasswordCommand(caller, "wrongold", "newpass123")));
        }
        int verifiedBefore = accounts.hasher.verified().size();

        AapfException throttled = assertFails(ErrorReason.THROTTLED, () -> accounts.changePassword.changePassword(
                new ChangePasswordCommand(caller, "user1pass", "newpass123")));

        assertTrue(throttled.retryAfter().orElseThrow().compareTo(Duration.ZERO) > 0);
        assertEquals(verifiedBefore, accounts.hasher.verified().size(), "nothing hashed");
        assertFails(ErrorReason.THROTTLED, () -> accounts.login("USER1", "user1pass"));
    }

    @Test
    void wrongPasswordsForNewApiTokens_areThrottledPerAccount() {
        accounts.addUser("user1", "user1pass");
        AuthenticatedUser caller = accounts.loggedIn("user1", "user1pass");
        int threshold = accounts.settings.throttling().maxAccountFailures();
        for (int i = 0; i < threshold; i++) {
            assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.createApiToken.create(
                    new CreateApiTokenCommand(caller, "t", "wrong")));
        }

        assertFails(ErrorReason.THROTTLED, () -> accounts.createApiToken.create(
                new CreateApiTokenCommand(caller, "t", "user1pass")));
    }

    @Test
    void rightPassword_forgetsTheAccountsFailuresAndTakesBackTheAddressAttempt() {
        accounts.addUser("user1", "user1pass");
        assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login("user1", "wrong"));

        accounts.login("user1", "user1pass");

        assertTrue(accounts.attempts.find("user:user1").isEmpty());
        assertEquals(1, accounts.attempts.find("addr:" + ADDRESS).orElseThrow().count(), "only the failure counts");
    }

    @Test
    void aCheckTheHasherRefuses_isNotCounted() {
        accounts.addUser("user1", "user1pass");
        slow.refuse.set(AapfException.busy("busy", Duration.ofSeconds(2)));

        assertFails(ErrorReason.UNAVAILABLE, () -> login.login(new LoginCommand("user1", "wrong", ADDRESS)));

        assertTrue(accounts.attempts.find("user:user1").isEmpty());
        assertTrue(accounts.attempts.find("addr:" + ADDRESS).isEmpty());
    }

    @Test
    void aSaturatedHasher_turnsTheAttemptAwayBeforeAnythingIsCountedOrRead() {
        accounts.addUser("user1", "user1pass");
        slow.saturated.set(true);

        AapfException busy = assertFails(ErrorReason.UNAVAILABLE,
                () -> login.login(new LoginCommand("user1", "wrong", ADDRESS)));

        assertEquals(Duration.ofSeconds(2), busy.retryAfter().orElseThrow());
        assertTrue(accounts.attempts.find("user:user1").isEmpty());
        assertTrue(accounts.attempts.find("addr:" + ADDRESS).isEmpty());
        assertEquals(0, slow.verifications.get());
    }

    @Test
    void namesDifferingInCase_countAgainstOneAccount() {
        accounts.addUser("user1", "user1pass");
        int threshold = accounts.settings.throttling().maxAccountFailures();
        for (int i = 0; i < threshold; i++) {
            String name = i % 2 == 0 ? "User1" : "USER1";
            assertFails(ErrorReason.UNAUTHENTICATED, () -> accounts.login(name, "wrong"));
        }

        assertFails(ErrorReason.THROTTLED, () -> accounts.login("user1", "user1pass"));
    }

    private Map<ErrorReason, Integer> burst(java.util.function.IntFunction<LoginCommand> command) throws Exception {
        Map<ErrorReason, Integer> outcomes = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(BURST);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                int n = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    try {
                        login.login(command.apply(n));
                    } catch (AapfException e) {
                        outcomes.merge(e.reason(), 1, Integer::sum);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }

    /** Takes a while per check, so that a burst overlaps; counts checks; may refuse like a saturated hasher. */
    private static final class SlowCountingHasher implements PasswordHasher {

        private final PasswordHasher delegate;
        final AtomicInteger verifications = new AtomicInteger();
        final AtomicReference<AapfException> refuse = new AtomicReference<>();
        final java.util.concurrent.atomic.AtomicBoolean saturated = new java.util.concurrent.atomic.AtomicBoolean();

        SlowCountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(Password password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(Password password, PasswordHash hash) {
            if (refuse.get() != null) {
                throw refuse.get();
            }
            verifications.incrementAndGet();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return delegate.verify(password, hash);
        }

        @Override
        public PasswordHash decoy() {
            return delegate.decoy();
        }

        @Override
        public boolean saturated() {
            return saturated.get();
        }
    }
}
