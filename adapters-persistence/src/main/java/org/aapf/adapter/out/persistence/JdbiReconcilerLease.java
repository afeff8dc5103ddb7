package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.ReconcilerLease;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link ReconcilerLease} on the single {@code reconciler_lease} row: one conditional UPDATE takes or extends it,
 * judged by the database's clock, and a read in the same transaction returns the epoch and expiry it stored; what
 * remains of a lease is measured against the database's time, too.
 */
public final class JdbiReconcilerLease implements ReconcilerLease {

    /** The holder column's capacity in characters. */
    static final int MAX_HOLDER_LENGTH = 128;

    private final Jdbi jdbi;

    @Inject
    public JdbiReconcilerLease(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
    }

    /** {@inheritDoc} A write conflict with another candidate (on H2) counts as not acquired. */
    @Override
    public Optional<Lease> acquireOrRenew(String holder, Duration ttl) {
        requireHolder(holder);
        Objects.requireNonNull(ttl, "'ttl' must not be null");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be > 0");
        }
        try {
            return jdbi.inTransaction(handle -> {
                LeaseDao dao = handle.attach(LeaseDao.class);
                if (dao.acquireOrRenew(holder, ttl.toMillis()) == 0) {
                    return Optional.<Lease>empty();
                }
                LeaseRow row = dao.current();
                return Optional.of(new Lease(row.holder(), row.epoch(), UtcTimes.toInstant(row.expiresAt())));
            });
        } catch (JdbiException e) {
            if (SqlErrors.isWriteConflict(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public Duration remaining() {
        return jdbi.withExtension(LeaseDao.class, LeaseDao::remaining).duration();
    }

    @Override
    public void release(Lease lease) {
        jdbi.useExtension(LeaseDao.class, dao -> dao.release(lease.holder(), lease.epoch()));
    }

    private static void requireHolder(String holder) {
        if (holder == null || holder.isBlank()) {
            throw new IllegalArgumentException("'holder' must not be blank");
        }
        if (holder.length() > MAX_HOLDER_LENGTH) {
            throw new IllegalArgumentException("'holder' must be at most " + MAX_HOLDER_LENGTH + " characters");
        }
    }
}
