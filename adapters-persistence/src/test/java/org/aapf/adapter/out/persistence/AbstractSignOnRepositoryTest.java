package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.T0_STORED;
import static org.aapf.adapter.out.persistence.Accounts.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aapf.application.port.out.IdentityProvider.SignOnRequest;
import org.aapf.application.port.out.SignOnRepository;
import org.aapf.domain.token.SecretDigest;
import org.aapf.domain.user.User;
import org.aapf.domain.user.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.aapf.application.port.out.UserRepository;

/** Contract of {@link SignOnRepository}, run against every database by the concrete subclasses. */
abstract class AbstractSignOnRepositoryTest extends DatabaseFixture {

    private static final Instant LATER = T0_STORED.plus(Duration.ofMinutes(10));

    private SignOnRepository signOns;
    private UserRepository users;

    @BeforeEach
    void createRepositories() {
        signOns = newSignOnRepository();
        users = newUserRepository();
    }

    @Test
    void pendingAttemptIsTakenOnceWithItsNonceAndVerifier() {
        SecretDigest state = SecretDigest.sha256("state-1");
        signOns.savePending(state, new SignOnRequest("state-1", "nonce-1", "verifier-1"), LATER);

        SignOnRequest taken = signOns.takePending(state, T0_STORED).orElseThrow();
        assertEquals("nonce-1", taken.nonce());
        assertEquals("verifier-1", taken.codeVerifier());
        assertTrue(signOns.takePending(state, T0_STORED).isEmpty(), "a state is used once");
        assertTrue(signOns.takePending(SecretDigest.sha256("unknown"), T0_STORED).isEmpty());
    }

    @Test
    void expiredAttemptAndHandoffAreNotReturned() {
        User alice = user("alice");
        users.add(alice);
        signOns.savePending(SecretDigest.sha256("s"), new SignOnRequest("s", "n", "v"), LATER);
        signOns.saveHandoff(SecretDigest.sha256("h"), alice.id(), LATER);

        assertTrue(signOns.takePending(SecretDigest.sha256("s"), LATER).isEmpty());
        assertTrue(signOns.takeHandoff(SecretDigest.sha256("h"), LATER.plusSeconds(1)).isEmpty());
    }

    @Test
    void handoffIsTakenOnceEvenByRacingCallers() throws Exception {
        User alice = user("alice");
        users.add(alice);
        SecretDigest code = SecretDigest.sha256("one-time");
        signOns.saveHandoff(code, alice.id(), LATER);

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Callable<Optional<UserId>> take = () -> signOns.takeHandoff(code, T0_STORED);
            List<Future<Optional<UserId>>> results = pool.invokeAll(List.of(take, take, take, take));
            long winners = 0;
            for (Future<Optional<UserId>> result : results) {
                if (result.get().isPresent()) {
                    assertEquals(alice.id(), result.get().get());
                    winners++;
                }
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void removeExpiredDeletesOnlyWhatExpired() {
        User alice = user("alice");
        users.add(alice);
        signOns.savePending(SecretDigest.sha256("old"), new SignOnRequest("old", "n", "v"), T0_STORED);
        signOns.savePending(SecretDigest.sha256("new"), new SignOnRequest("new", "n", "v"), LATER);
        signOns.saveHandoff(SecretDigest.sha256("old-h"), alice.id(), T0_STORED);

        assertEquals(2, signOns.removeExpired(T0_STORED.plusSeconds(1)));
        assertTrue(signOns.takePending(SecretDigest.sha256("new"), T0_STORED).isPresent());
    }

    /** The SignOn repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected SignOnRepository newSignOnRepository() {
        return new JdbiSignOnRepository(jdbi());
    }

    /** The User repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected UserRepository newUserRepository() {
        return new JdbiUserRepository(jdbi());
    }
}
