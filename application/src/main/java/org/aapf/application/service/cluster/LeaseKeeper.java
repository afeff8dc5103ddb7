package org.aapf.application.service.cluster;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.aapf.application.port.out.ReconcilerLease;

/**
 * Takes and renews the reconciler lease before each pass, tells when a new epoch began (state must reset), and
 * {@linkplain #check() guards every action} of a pass: a leader that paused (GC, stopped VM, slow call) past its lease
 * stops before its next write instead of acting next to the new leader.
 *
 * <p>Time is judged twice. The store decides expiry by its own clock; locally, the lease is counted from the monotonic
 * instant just <em>before</em> the call that took or renewed it, which is never later than the store's start of the
 * lease. Within a third of the ttl of that instant an action goes ahead without asking (two thirds of the ttl remain
 * for the action itself); later the lease is renewed first, and only the same epoch proves it never lapsed.
 * Thread-safe: a pass applies a cluster's instances on several threads, each checking before its action.
 */
final class LeaseKeeper {

    private static final System.Logger LOG = System.getLogger(LeaseKeeper.class.getName());

    private final ReconcilerLease lease;
    private final String holder;
    private final Duration ttl;
    private final LongSupplier nanoTime;
    private final long renewAfterNanos;
    private Optional<ReconcilerLease.Lease> held = Optional.empty();
    private long confirmedAt;

    /** @param nanoTime the monotonic clock, as {@link System#nanoTime()} */
    LeaseKeeper(ReconcilerLease lease, String holder, Duration ttl, LongSupplier nanoTime) {
        this.lease = lease;
        this.holder = holder;
        this.ttl = ttl;
        this.nanoTime = nanoTime;
        this.renewAfterNanos = ttl.dividedBy(3).toNanos();
    }

    /** Acquires or renews; {@code onNewEpoch} runs when this process did not hold this epoch before. */
    synchronized boolean hold(Runnable onNewEpoch) {
        long asked = nanoTime.getAsLong();
        Optional<ReconcilerLease.Lease> now = lease.acquireOrRenew(holder, ttl);
        if (now.isEmpty()) {
            held.ifPresent(lost -> LOG.log(System.Logger.Level.WARNING, "Lost the reconciler lease (epoch {0})",
                    lost.epoch()));
            held = Optional.empty();
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
            throw new LeaseLapsedException("the reconciler lease (epoch " + current.epoch()
                    + ") could not be renewed: " + e.getMessage(), e);
        }
        if (renewed.isEmpty() || renewed.get().epoch() != current.epoch()) {
            held = Optional.empty();
            throw new LeaseLapsedException("the reconciler lease (epoch " + current.epoch() + ") lapsed during the"
                    + " pass" + renewed.map(taken -> "; re-taken as epoch " + taken.epoch()).orElse(""));
        }
        held = renewed;
        confirmedAt = asked;
    }

    synchronized void release() {
        held.ifPresent(current -> {
            lease.release(current);
            LOG.log(System.Logger.Level.INFO, "Released the reconciler lease (epoch {0})", current.epoch());
        });
        held = Optional.empty();
    }
}
