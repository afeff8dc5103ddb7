package org.aapf.adapter.out.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.port.out.ReconcilerLease.Lease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Contract of {@link ReconcilerLease}, run against every database by the concrete subclasses. Expiry is provoked by
 * moving the row's expiry into the past by the database's own clock, as if the time-to-live had passed.
 */
abstract class AbstractReconcilerLeaseTest extends DatabaseFixture {

    private static final Duration TTL = Duration.ofSeconds(30);

    private ReconcilerLease lease;

    @BeforeEach
    void createLease() {
        lease = newLease();
    }

    @Test
    void freeLeaseIsTakenWithEpochOneUntilNowPlusTtl() {
        Instant before = Instant.now();

        Lease taken = lease.acquireOrRenew("a", TTL).orElseThrow();

        assertEquals("a", taken.holder());
        assertEquals(1, taken.epoch());
        Duration left = Duration.between(before, taken.expiresAt());
        assertTrue(left.compareTo(TTL.minusSeconds(5)) > 0 && left.compareTo(TTL.plusSeconds(5)) < 0,
                "expires about ttl from now (same host, so clocks agree): " + left);
    }

    @Test
    void holderRenewsKeepingItsEpochAndExtendingTheExpiry() throws InterruptedException {
        Lease first = lease.acquireOrRenew("a", TTL).orElseThrow();
        Thread.sleep(5);

        Lease renewed = lease.acquireOrRenew("a", TTL).orElseThrow();

        assertEquals(first.epoch(), renewed.epoch());
        assertTrue(renewed.expiresAt().isAfter(first.expiresAt()));
    }

    @Test
    void anotherHolderGetsNothingWhileTheLeaseRuns() {
        Lease held = lease.acquireOrRenew("a", TTL).orElseThrow();

        Optional<Lease> other = lease.acquireOrRenew("b", TTL);

        assertTrue(other.isEmpty());
        assertEquals(held.epoch(), lease.acquireOrRenew("a", TTL).orElseThrow().epoch());
    }

    @Test
    void afterExpiryByTheDatabaseClock_anotherHolderTakesOverWithTheNextEpoch() {
        lease.acquireOrRenew("a", TTL).orElseThrow();
        expireNow();

        Lease takenOver = lease.acquireOrRenew("b", TTL).orElseThrow();

        assertEquals("b", takenOver.holder());
        assertEquals(2, takenOver.epoch());
        assertTrue(lease.acquireOrRenew("a", TTL).isEmpty(), "the old holder lost it");
    }

    @Test
    void realTimeToLiveRunsOut() throws InterruptedException {
        lease.acquireOrRenew("a", Duration.ofMillis(300)).orElseThrow();
        assertTrue(lease.acquireOrRenew("b", TTL).isEmpty());

        Thread.sleep(600);

        assertEquals(2, lease.acquireOrRenew("b", TTL).orElseThrow().epoch());
    }

    @Test
    void holderWhoseLeaseExpiredGetsANewEpoch() {
        Lease first = lease.acquireOrRenew("a", TTL).orElseThrow();
        expireNow();

        Lease again = lease.acquireOrRenew("a", TTL).orElseThrow();

        assertEquals(first.epoch() + 1, again.epoch());
    }

    @Test
    void releaseFreesTheLeaseForTheNextHolder() {
        Lease held = lease.acquireOrRenew("a", TTL).orElseThrow();

        lease.release(held);

        assertEquals(2, lease.acquireOrRenew("b", TTL).orElseThrow().epoch());
    }

    @Test
    void releaseOfALostEpochChangesNothing() {
        Lease old = lease.acquireOrRenew("a", TTL).orElseThrow();
        expireNow();
        Lease current = lease.acquireOrRenew("a", TTL).orElseThrow();

        lease.release(old);

        assertTrue(lease.acquireOrRenew("b", TTL).isEmpty(), "epoch " + current.epoch() + " still held");
    }

    @Test
    void givenRacingCandidates_exactlyOneHoldsTheLease() throws Exception {
        List<Races.Outcome<Optional<Lease>>> outcomes =
                Races.run(8, racer -> lease.acquireOrRenew("candidate-" + racer, TTL));

        assertTrue(outcomes.stream().allMatch(outcome -> outcome.error() == null), () -> outcomes.toString());
        List<Lease> winners = outcomes.stream().flatMap(outcome -> outcome.result().stream()).toList();
        assertEquals(1, winners.size());
        assertEquals(1, winners.getFirst().epoch());
        assertFalse(lease.acquireOrRenew(winners.getFirst().holder(), TTL).isEmpty());
    }

    @Test
    void epochsStrictlyIncreaseOverManyTakeovers() {
        long previous = 0;
        for (int round = 0; round < 5; round++) {
            Lease taken = lease.acquireOrRenew(round % 2 == 0 ? "a" : "b", TTL).orElseThrow();
            assertTrue(taken.epoch() > previous);
            previous = taken.epoch();
            expireNow();
        }
        assertEquals(5, previous);
    }

    @Test
    void remaining_isMeasuredByTheDatabasesClock_andZeroWhenFreeOrLapsed() {
        assertEquals(Duration.ZERO, lease.remaining(), "free");
        lease.acquireOrRenew("a", TTL).orElseThrow();
        Duration left = lease.remaining();
        assertTrue(left.compareTo(TTL.minusSeconds(5)) > 0 && left.compareTo(TTL) <= 0, left.toString());

        moveExpiry(Duration.ofSeconds(1000));
        Duration far = lease.remaining();
        assertTrue(far.compareTo(Duration.ofSeconds(990)) > 0 && far.compareTo(Duration.ofSeconds(1000)) <= 0,
                "the database's expiry minus the database's now, whatever this JVM's clock says: " + far);

        expireNow();
        assertEquals(Duration.ZERO, lease.remaining(), "lapsed");
        lease.acquireOrRenew("a", TTL).orElseThrow();
        lease.release(lease.acquireOrRenew("a", TTL).orElseThrow());
        assertEquals(Duration.ZERO, lease.remaining(), "released");
    }

    @Test
    void blankOrOverlongHoldersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> lease.acquireOrRenew(" ", TTL));
        assertThrows(IllegalArgumentException.class, () -> lease.acquireOrRenew("h".repeat(129), TTL));
        assertThrows(IllegalArgumentException.class, () -> lease.acquireOrRenew("a", Duration.ZERO));
    }

    /** Moves the expiry one second into the past, by the store's clock. */
    private void expireNow() {
        moveExpiry(Duration.ofSeconds(-1));
    }

    /** The lease under test: the Jdbi one on this test's database, unless the runner tests another. */
    protected ReconcilerLease newLease() {
        return new JdbiReconcilerLease(jdbi());
    }

    /** Sets the held lease's expiry to {@code fromNow} (whole seconds) after now, by the store's own clock. */
    protected void moveExpiry(Duration fromNow) {
        long seconds = fromNow.toSeconds();
        String sql = "UPDATE reconciler_lease SET expires_at = CURRENT_TIMESTAMP "
                + (seconds < 0 ? "- INTERVAL '" + -seconds : "+ INTERVAL '" + seconds) + "' SECOND";
        jdbi().useHandle(handle -> handle.execute(sql));
    }
}
