package org.aapf.application.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.aapf.application.port.out.ReconcilerLease;

/** A single lease in memory, judged by the given clock; shared by reconcilers to simulate one database. */
public final class InMemoryReconcilerLease implements ReconcilerLease {

    /** The longest holder id the database's column takes. */
    private static final int MAX_HOLDER_LENGTH = 128;

    private final Clock clock;
    private String holder;
    private long epoch;
    private Instant expiresAt = Instant.MIN;

    public InMemoryReconcilerLease(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<Lease> acquireOrRenew(String candidate, Duration ttl) {
        if (candidate == null || candidate.isBlank()) {
            throw new IllegalArgumentException("'holder' must not be blank");
        }
        if (candidate.length() > MAX_HOLDER_LENGTH) {
            throw new IllegalArgumentException("'holder' must be at most " + MAX_HOLDER_LENGTH + " characters");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be > 0");
        }
        Instant now = clock.instant();
        boolean expired = !now.isBefore(expiresAt);
        if (holder != null && !expired && !holder.equals(candidate)) {
            return Optional.empty();
        }
        if (holder == null || expired) {
            epoch++;
        }
        holder = candidate;
        expiresAt = now.plus(ttl);
        return Optional.of(new Lease(holder, epoch, expiresAt));
    }

    @Override
    public synchronized Duration remaining() {
        Instant now = clock.instant();
        if (holder == null || !now.isBefore(expiresAt)) {
            return Duration.ZERO;
        }
        return Duration.between(now, expiresAt);
    }

    @Override
    public synchronized void release(Lease lease) {
        if (lease.holder().equals(holder) && lease.epoch() == epoch) {
            holder = null;
        }
    }

    /** Moves the running lease's expiry to {@code fromNow} after now, as if time had passed (or will). */
    public synchronized void expireIn(Duration fromNow) {
        expiresAt = clock.instant().plus(fromNow);
    }

    public synchronized Optional<String> holder() {
        return Optional.ofNullable(holder);
    }
}
