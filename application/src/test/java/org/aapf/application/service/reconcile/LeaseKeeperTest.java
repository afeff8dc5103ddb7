package org.aapf.application.service.reconcile;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.aapf.application.port.out.ReconcilerLease;
import org.aapf.application.testing.InMemoryReconcilerLease;
import org.aapf.application.testing.ManualClock;
import org.junit.jupiter.api.Test;

/**
 * The lease as one pass sees it: acted on without asking for a third of the ttl after it was confirmed (by the local
 * monotonic clock), renewed after that, and refused once it lapsed, even if this process took it again since.
 */
class LeaseKeeperTest {

    private static final Duration TTL = Duration.ofSeconds(60);

    private final ManualClock storeClock = ManualClock.atSomeMoment();
    private final AtomicLong monotonic = new AtomicLong(1_000);
    private final CountingLease store = new CountingLease(new InMemoryReconcilerLease(storeClock));
    private final LeaseKeeper keeper = new LeaseKeeper(store, "a", TTL, monotonic::get);

    @Test
    void withinAThirdOfTheTtl_actsWithoutAskingTheStore() {
        assertTrue(keeper.hold(() -> { }));
        elapse(TTL.dividedBy(3).minusMillis(1));

        keeper.check();

        assertEquals(1, store.calls.get());
    }

    @Test
    void afterAThirdOfTheTtlByTheLocalClock_renewsBeforeActing_andKeepsGoingUnderTheSameEpoch() {
        assertTrue(keeper.hold(() -> { }));
        monotonic.addAndGet(TTL.dividedBy(3).toNanos());

        keeper.check();
        keeper.check();

        assertEquals(2, store.calls.get(), "renewed once, then confirmed for another third of the ttl");
        assertEquals(Optional.of("a"), store.delegate.holder());
    }

    @Test
    void renewingThroughALongPass_keepsOtherHoldersOut() {
        ReconcilerLease other = store.delegate;
        assertTrue(keeper.hold(() -> { }));
        for (int step = 0; step < 6; step++) {
            elapse(TTL.dividedBy(2));
            keeper.check();
            assertEquals(Optional.empty(), other.acquireOrRenew("b", TTL), "step " + step);
        }
    }

    @Test
    void pausedPastTheLease_whileAnotherTookIt_refusesToAct() {
        assertTrue(keeper.hold(() -> { }));
        elapse(TTL.plusSeconds(1));
        assertTrue(store.delegate.acquireOrRenew("b", TTL).isPresent());

        LeaseLapsedException lapsed = assertThrows(LeaseLapsedException.class, keeper::check);

        assertTrue(lapsed.getMessage().contains("lapsed"), lapsed.getMessage());
        assertFalse(keeper.hold(() -> { }), "b holds it now");
    }

    @Test
    void pausedPastTheLease_withNobodyElse_refusesToAct_andTheNextPassStartsUnderTheNewEpoch() {
        AtomicInteger newEpochs = new AtomicInteger();
        assertTrue(keeper.hold(newEpochs::incrementAndGet));
        elapse(TTL.plusSeconds(1));

        LeaseLapsedException lapsed = assertThrows(LeaseLapsedException.class, keeper::check);

        assertTrue(lapsed.getMessage().contains("re-taken as epoch 2"), lapsed.getMessage());
        assertTrue(keeper.hold(newEpochs::incrementAndGet));
        assertEquals(2, newEpochs.get(), "whatever the pass knew is dropped");
        assertDoesNotThrow(keeper::check);
    }

    @Test
    void storeFailingWhileRenewing_refusesToAct() {
        assertTrue(keeper.hold(() -> { }));
        elapse(TTL.dividedBy(2));
        store.failing = true;

        LeaseLapsedException lapsed = assertThrows(LeaseLapsedException.class, keeper::check);

        assertTrue(lapsed.getMessage().contains("could not be renewed"), lapsed.getMessage());
        assertThrows(LeaseLapsedException.class, keeper::check, "no lease is assumed until the next pass takes one");
    }

    @Test
    void withoutALease_refusesToAct() {
        assertThrows(LeaseLapsedException.class, keeper::check);
        store.delegate.acquireOrRenew("b", TTL);
        assertFalse(keeper.hold(() -> { }));
        assertThrows(LeaseLapsedException.class, keeper::check);
    }

    @Test
    void releasedLease_refusesToAct() {
        assertTrue(keeper.hold(() -> { }));

        keeper.release();

        assertThrows(LeaseLapsedException.class, keeper::check);
        assertEquals(Optional.empty(), store.delegate.holder());
    }

    @Test
    void holder_isDueToRenewAThirdOfTheTtlAfterItWasConfirmed() {
        assertTrue(keeper.hold(() -> { }));
        assertEquals(TTL.dividedBy(3), keeper.untilDue());

        elapse(Duration.ofSeconds(5));
        assertEquals(TTL.dividedBy(3).minusSeconds(5), keeper.untilDue());

        elapse(TTL);
        assertEquals(Duration.ZERO, keeper.untilDue(), "overdue");
    }

    @Test
    void standby_isDueJustAfterTheHoldersLeaseLapsesByTheStoresClock() {
        store.delegate.acquireOrRenew("b", TTL);
        elapse(Duration.ofSeconds(15));

        assertFalse(keeper.hold(() -> { }));

        assertEquals(TTL.minusSeconds(15).plus(LeaseKeeper.STANDBY_SLACK), keeper.untilDue());
        assertEquals(2, store.calls.get(), "one try, one look at what remains");
    }

    @Test
    void standby_neverWaitsLongerThanItsTtl_norPollsMoreOftenThanATwentiethOfIt() {
        store.delegate.acquireOrRenew("b", TTL.multipliedBy(10));
        assertFalse(keeper.hold(() -> { }));
        assertEquals(TTL, keeper.untilDue(), "a holder with a longer ttl is looked at again after ours");

        elapse(TTL.multipliedBy(10));
        store.delegate.acquireOrRenew("b", Duration.ofMillis(1)).orElseThrow();
        assertFalse(keeper.hold(() -> { }));
        assertEquals(TTL.dividedBy(20), keeper.untilDue(), "a lease about to lapse is not polled in a tight loop");
    }

    @Test
    void storeFailing_leavesNoLeaseAssumed_andTriesAgainAfterAThirdOfTheTtl() {
        store.failing = true;

        assertThrows(IllegalStateException.class, () -> keeper.hold(() -> { }));

        assertEquals(TTL.dividedBy(3), keeper.untilDue());
        assertThrows(LeaseLapsedException.class, keeper::check);
    }

    /**
     * A holder and a standby with the default ttl, each touching the lease only when {@link LeaseKeeper#untilDue()}
     * says so: whenever the holder dies (or freezes), the standby holds the lease within the ttl and the slack of it
     * (well inside the 15 s promised), and while the holder lives the standby asks the store only a few times per ttl.
     */
    @Test
    void withTheDefaultTtl_aStandbyTakesOverWithinItOfTheHoldersDeath_andPollsCheaplyBeforeIt() {
        Duration ttl = ReconcilerSettings.defaults().leaseTtl();
        Duration renewal = ttl.dividedBy(3);
        for (long deathMillis = 60_000; deathMillis <= 60_000 + 2 * renewal.toMillis(); deathMillis += 577) {
            LeaseTimeline timeline = new LeaseTimeline(ttl);
            timeline.runUntil(Duration.ofMillis(deathMillis));
            int standbyCalls = timeline.standbyStore.calls.get();

            Duration takeover = timeline.standbyTakesOver();

            assertTrue(takeover.compareTo(ttl.plus(LeaseKeeper.STANDBY_SLACK)) <= 0,
                    "died after " + deathMillis + " ms, taken over after " + takeover);
            long leastGap = ttl.minus(renewal).toMillis();
            assertTrue(standbyCalls <= 2 * (deathMillis / leastGap + 1),
                    standbyCalls + " calls by the standby in " + deathMillis + " ms");
        }
        assertTrue(ttl.plus(LeaseKeeper.STANDBY_SLACK).compareTo(Duration.ofSeconds(15)) < 0);
    }

    /** Time passes for the store and for this process alike. */
    private void elapse(Duration duration) {
        storeClock.advance(duration);
        monotonic.addAndGet(duration.toNanos());
    }

    /** Counts the calls that reach the store; may fail them as an unreachable database would. */
    private static final class CountingLease implements ReconcilerLease {

        final InMemoryReconcilerLease delegate;
        final AtomicInteger calls = new AtomicInteger();
        volatile boolean failing;

        CountingLease(InMemoryReconcilerLease delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
            calls.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("database unreachable");
            }
            return delegate.acquireOrRenew(holder, ttl);
        }

        @Override
        public Duration remaining() {
            calls.incrementAndGet();
            return delegate.remaining();
        }

        @Override
        public void release(Lease lease) {
            delegate.release(lease);
        }
    }

    /**
     * Two processes, a holder and a standby, on one store and one timeline (the store's clock and their monotonic
     * clocks move together); each touches the lease exactly when its keeper says it is due.
     */
    private static final class LeaseTimeline {

        final ManualClock clock = ManualClock.atSomeMoment();
        final AtomicLong nanos = new AtomicLong();
        final InMemoryReconcilerLease shared = new InMemoryReconcilerLease(clock);
        final CountingLease standbyStore = new CountingLease(shared);
        final LeaseKeeper holder;
        final LeaseKeeper standby;
        Duration elapsed = Duration.ZERO;

        LeaseTimeline(Duration ttl) {
            holder = new LeaseKeeper(shared, "a", ttl, nanos::get);
            standby = new LeaseKeeper(standbyStore, "b", ttl, nanos::get);
            assertTrue(holder.hold(() -> { }));
        }

        /** Both live until {@code end}; the holder keeps the lease all along. */
        void runUntil(Duration end) {
            while (true) {
                Duration next = min(holder.untilDue(), standby.untilDue());
                if (elapsed.plus(next).compareTo(end) > 0) {
                    advance(end.minus(elapsed));
                    return;
                }
                advance(next);
                if (holder.untilDue().isZero()) {
                    assertTrue(holder.hold(() -> { }), "the holder keeps the lease while it lives");
                }
                if (standby.untilDue().isZero()) {
                    assertFalse(standby.hold(() -> { }), "at " + elapsed);
                }
            }
        }

        /** The holder is dead from now on: how long until the standby holds the lease. */
        Duration standbyTakesOver() {
            Duration died = elapsed;
            while (true) {
                advance(standby.untilDue());
                if (standby.hold(() -> { })) {
                    return elapsed.minus(died);
                }
            }
        }

        private void advance(Duration duration) {
            clock.advance(duration);
            nanos.addAndGet(duration.toNanos());
            elapsed = elapsed.plus(duration);
        }

        private static Duration min(Duration a, Duration b) {
            return a.compareTo(b) <= 0 ? a : b;
        }
    }
}
