package org.aapf.application.service.cluster;

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
        public void release(Lease lease) {
            delegate.release(lease);
        }
    }
}
