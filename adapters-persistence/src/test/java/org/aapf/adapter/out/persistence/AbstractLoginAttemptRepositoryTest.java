package org.aapf.adapter.out.persistence;

import static org.aapf.adapter.out.persistence.Accounts.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.LoginAttemptRepository.Failures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract of {@link LoginAttemptRepository}, run against every database by the concrete subclasses. */
abstract class AbstractLoginAttemptRepositoryTest extends DatabaseFixture {

    private static final String KEY = "user:alice";
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    private LoginAttemptRepository attempts;

    @BeforeEach
    void createRepository() {
        attempts = newLoginAttemptRepository();
    }

    @Test
    void firstFailureCountsOneFromNow() {
        Failures failures = attempts.recordFailure(KEY, Accounts.T0, LONG_AGO);

        assertEquals(new Failures(KEY, 1, Accounts.T0_STORED, Accounts.T0_STORED), failures);
        assertEquals(failures, attempts.find(KEY).orElseThrow());
    }

    @Test
    void failuresInsideTheWindowAccumulate() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);
        attempts.recordFailure(KEY, at(10), at(-50));

        Failures failures = attempts.recordFailure(KEY, at(20), at(-40));

        assertEquals(new Failures(KEY, 3, at(0), at(20)), failures);
    }

    @Test
    void failureAfterTheWindowRestartsTheCountFromNow() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);
        attempts.recordFailure(KEY, at(10), LONG_AGO);

        Failures failures = attempts.recordFailure(KEY, at(500), at(400));

        assertEquals(new Failures(KEY, 1, at(500), at(500)), failures);
    }

    @Test
    void keysAreCountedSeparately() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);
        attempts.recordFailure(KEY, at(1), LONG_AGO);

        Failures other = attempts.recordFailure("ip:192.0.2.7", at(2), LONG_AGO);

        assertEquals(1, other.count());
        assertEquals(2, attempts.find(KEY).orElseThrow().count());
    }

    @Test
    void releaseTakesBackOneFailure_andForgetsAKeyLeftWithNone() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);
        attempts.recordFailure(KEY, at(1), LONG_AGO);

        attempts.release(KEY);
        assertEquals(1, attempts.find(KEY).orElseThrow().count());
        attempts.release(KEY);
        attempts.release(KEY);
        attempts.release("addr:never-seen");

        assertTrue(attempts.find(KEY).isEmpty());
        assertTrue(attempts.find("addr:never-seen").isEmpty());
        assertEquals(1, attempts.recordFailure(KEY, at(5), LONG_AGO).count());
    }

    @Test
    void clearForgetsTheKey() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);

        attempts.clear(KEY);

        assertTrue(attempts.find(KEY).isEmpty());
        assertEquals(1, attempts.recordFailure(KEY, at(5), LONG_AGO).count());
    }

    @Test
    void purgeForgetsOnlyKeysQuietSinceTheCutoff() {
        attempts.recordFailure(KEY, at(0), LONG_AGO);
        attempts.recordFailure(KEY, at(100), LONG_AGO);
        attempts.recordFailure("addr:192.0.2.7", at(10), LONG_AGO);

        int purged = attempts.purgeLastBefore(at(50));

        assertEquals(1, purged);
        assertTrue(attempts.find("addr:192.0.2.7").isEmpty());
        assertEquals(2, attempts.find(KEY).orElseThrow().count(), "a key failing after the cutoff is kept");
    }

    @Test
    void concurrentFailuresFromManyThreadsAreCountedExactly() throws Exception {
        int threads = 8;
        int failuresPerThread = 25;

        List<Races.Outcome<Integer>> outcomes = Races.run(threads, racer -> {
            int last = 0;
            for (int i = 0; i < failuresPerThread; i++) {
                last = attempts.recordFailure(KEY, at(racer * 100L + i), LONG_AGO).count();
            }
            return last;
        });

        outcomes.forEach(outcome -> assertNull(outcome.error(), () -> String.valueOf(outcome.error())));
        assertEquals(threads * failuresPerThread, attempts.find(KEY).orElseThrow().count());
        assertEquals(threads * failuresPerThread,
                outcomes.stream().map(Races.Outcome::result).filter(Objects::nonNull).mapToInt(Integer::intValue).max()
                        .orElseThrow());
    }

    /** The LoginAttempt repository: the Jdbi one on this test's database, unless the runner tests another. */
    protected LoginAttemptRepository newLoginAttemptRepository() {
        return new JdbiLoginAttemptRepository(jdbi());
    }
}
