package org.aapf.application.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes sure only one reconciler acts per database at a time: a single lease row (or an advisory lock) with a
 * fencing epoch. Expiry is judged by the store's own clock (e.g. the database's {@code now()}), so holders on hosts
 * with skewed clocks still exclude each other.
 */
public interface ReconcilerLease {

    /**
     * Takes or extends the lease for {@code holder} until now + {@code ttl}, atomically.
     * <ul>
     *   <li>free, or expired: taken; the epoch becomes the previous epoch + 1 (the first epoch is 1);</li>
     *   <li>held, unexpired, by {@code holder}: extended; the epoch stays;</li>
     *   <li>held, unexpired, by another holder: nothing changes, returns empty.</li>
     * </ul>
     * A holder that finds its epoch changed between two calls has lost the lease in between and must re-read
     * everything before acting.
     */
    Optional<Lease> acquireOrRenew(String holder, Duration ttl);

    /**
     * How long the lease as stored now still runs, by the store's own clock: zero when it is free or has lapsed. A
     * standby waits this long before it tries again, so it neither polls the store often nor relies on its own
     * wall clock (which may be skewed against the store's and the other servers').
     */
    Duration remaining();

    /** Gives the lease up if {@code lease.holder()} still holds it with {@code lease.epoch()}; otherwise a no-op. */
    void release(Lease lease);

    /**
     * A held lease.
     *
     * @param holder a unique id of the reconciler process (e.g. hostname + random suffix)
     * @param epoch the fencing epoch: strictly increasing over every acquisition
     * @param expiresAt when the lease lapses unless renewed, by the store's clock
     */
    record Lease(String holder, long epoch, Instant expiresAt) {

        public Lease {
            Objects.requireNonNull(holder, "'holder' must not be null");
            Objects.requireNonNull(expiresAt, "'expiresAt' must not be null");
            if (epoch < 1) {
                throw new IllegalArgumentException("'epoch' must be >= 1");
            }
        }
    }
}
