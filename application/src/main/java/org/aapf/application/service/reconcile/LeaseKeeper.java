package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.aapf.application.port.out.ReconcilerLease;

/**
 * Takes and renews the reconciler lease, tells when a new epoch began (state must reset), says when the lease is due
 * to be touched again ({@link #untilDue()}), and {@linkplain #check() guards every action} of a pass: a leader that
 * paused (GC, stopped VM, slow call) past its lease stops before its next write instead of acting next to the new
 * leader.
 *
 * <p>Time is judged twice. The store decides expiry by its own clock; locally, the lease is counted from the monotonic
 * instant just <em>before</em> the call that took or renewed it, which is never later than the store's start of the
 * lease. Within a third of the ttl of that instant an action goes ahead without asking (two thirds of the ttl remain
 * for the action itself), and the holder renews then; later an action renews first, and only the same epoch proves it
 * never lapsed. A standby asks the store how long the holder's lease still runs, by the store's clock, and is due again
 * just after that: it notices a dead holder within {@link #STANDBY_SLACK} of the lapse, yet asks only about once per
 * ttl. Thread-safe: a pass applies a cluster's instances on several threads, each checking before its action.
 */
final class LeaseKeeper {

    /** Past the lapse the store reported, before a standby tries: covers the two clocks' rates and the call itself. */
    static final Duration STANDBY_SLACK = Duration.ofMillis(100);

    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final ReconcilerLease lease;
    private final String holder;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final long renewAfterNanos;
    private Optional<ReconcilerLease.Lease> held = Optional.empty();
    private long confirmedAt;
    private long standbyDueAt;

    /** @param nanoTime the monotonic clock, as {@link System#nanoTime()} */
    LeaseKeeper(ReconcilerLease lease, String holder, Duration ttl, LongSupplier nanoTime) {
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.renewAfterNanos = ttl.dividedBy(3).toNanos();
        this.standbyDueAt = nanoTime.getAsLong();
    }

    /**
     * Acquires or renews; {@code onNewEpoch} runs when this process did not hold this epoch before. When another
     * holder's lease runs, finds out until when. A store failure leaves no lease assumed and is rethrown.
     */
    synchronized boolean hold(Runnable onNewEpoch) {
        long asked = nanoTime.getAsLong();
        Optional<ReconcilerLease.Lease> now;
        try {
            now = lease.acquireOrRenew(holder, ttl);
        } catch (RuntimeException e) {
            held = Optional.empty();
            standbyDueAt = asked + renewAfterNanos;
            throw e;
        }
        if (now.isEmpty()) {
            held.ifPresent(lost -> LOG.log(System.Logger.Level.WARNING, "Lost the reconciler lease (epoch {0})",
                    lost.epoch()));
            held = Optional.empty();
            awaitLapse();
            return false;
        }
        if (held.isEmpty() || held.get().epoch() != now.get().epoch()) {
            LOG.log(System.Logger.Level.INFO, "Holding the reconciler lease (epoch {0})", now.get().epoch());
            onNewEpoch.run();
        }
        held = now;
        confirmedAt = asked;
        return true;
    }

    /**
     * How long until {@link #hold} should be called again: for the holder, until a third of the ttl has passed since
     * the lease was last confirmed; for a standby, until just after the holder's lease lapses by the store's clock
     * (at least a twentieth, at most the whole of this process's ttl from the last look).
     */
    synchronized Duration untilDue() {
        long due = held.isPresent() ? confirmedAt + renewAfterNanos : standbyDueAt;
        return Duration.ofNanos(Math.max(0, due - nanoTime.getAsLong()));
    }

    /**
     * Returns when this process surely holds the lease long enough for one more action; renews it first once a third
     * of the ttl has passed since it was last confirmed.
     *
     * @throws LeaseLapsedException when the lease is not held, was lost or lapsed (even if re-taken since, under a
     *     new epoch), or cannot be confirmed: the pass must stop, and the next one starts from a fresh observation
     */
    synchronized void check() {
        ReconcilerLease.Lease current = held.orElseThrow(() -> new LeaseLapsedException("no reconciler lease held"));
        if (nanoTime.getAsLong() - confirmedAt < renewAfterNanos) {
            return;
        }
        long asked = nanoTime.getAsLong();
        Optional<ReconcilerLease.Lease> renewed;
        try {
            renewed = lease.acquireOrRenew(holder, ttl);
        } catch (RuntimeException e) {
            held = Optional.empty();
            standbyDueAt = asked + renewAfterNanos;
            throw new LeaseLapsedException("the reconciler lease (epoch " + current.epoch()
                    + ") could not be renewed: " + e.getMessage(), e);
        }
        if (renewed.isEmpty() || renewed.get().epoch() != current.epoch()) {
            held = Optional.empty();
            standbyDueAt = asked;
            throw new LeaseLapsedException("the reconciler lease (epoch " + current.epoch() + ") lapsed during the"
                    + " pass" + renewed.map(taken -> "; re-taken as epoch " + taken.epoch()).orElse(""));
        }
        held = renewed;
        confirmedAt = asked;
    }

    /** True while this process believes it holds the lease (as of the last take, renewal or check). */
    synchronized boolean holds() {
        return held.isPresent();
    }

    synchronized void release() {
        held.ifPresent(current -> {
            lease.release(current);
            LOG.log(System.Logger.Level.INFO, "Released the reconciler lease (epoch {0})", current.epoch());
        });
        held = Optional.empty();
    }

    /**
     * Schedules the next try for just after the running lease lapses. The store measured what remains at some moment
     * before the answer arrived, so counting from the answer can only be late, never early.
     */
    private void awaitLapse() {
        standbyDueAt = nanoTime.getAsLong() + renewAfterNanos;
        Duration remaining = lease.remaining();
        long answered = nanoTime.getAsLong();
        Duration wait = remaining.plus(STANDBY_SLACK);
        Duration least = ttl.dividedBy(20);
        wait = wait.compareTo(least) < 0 ? least : wait.compareTo(ttl) > 0 ? ttl : wait;
        standbyDueAt = answered + wait.toNanos();
    }
}
