package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.domain.error.AapfException;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link LoginAttemptRepository} on the {@code login_failures} table. A failure is counted by an atomic UPDATE of the
 * key's row, or by inserting the row when there is none; when another process inserted it first (unique violation),
 * the UPDATE is retried. This works the same on H2 and PostgreSQL and across processes.
 */
public final class JdbiLoginAttemptRepository implements LoginAttemptRepository {

    /** Longest key the {@code failure_key} column holds. */
    public static final int MAX_KEY_LENGTH = 512;

    private static final int MAX_ATTEMPTS = 5;

    private final Jdbi jdbi;
    private final LoginFailureDao dao;

    @Inject
    public JdbiLoginAttemptRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
        this.dao = jdbi.onDemand(LoginFailureDao.class);
    }

    @Override
    public Failures recordFailure(String key, Instant now, Instant windowStart) {
        requireKey(key);
        OffsetDateTime at = UtcTimes.toColumn(Objects.requireNonNull(now, "'now' must not be null"));
        OffsetDateTime start = UtcTimes.toColumn(Objects.requireNonNull(windowStart, "'windowStart' must not be null"));
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Optional<LoginFailureRow> counted = incrementAndRead(key, at, start);
            if (counted.isPresent()) {
                return toFailures(counted.get());
            }
            if (insertedFirst(key, at)) {
                return new Failures(key, 1, at.toInstant(), at.toInstant());
            }
        }
        throw AapfException.unavailable("login failures could not be recorded, please retry",
                new IllegalStateException("recordFailure kept racing for key row after " + MAX_ATTEMPTS + " attempts"));
    }

    @Override
    public Optional<Failures> find(String key) {
        requireKey(key);
        return dao.find(key).map(JdbiLoginAttemptRepository::toFailures);
    }

    @Override
    public void release(String key) {
        requireKey(key);
        // a failure recorded between the two statements makes the count 1 again and keeps the row
        if (dao.decrement(key) > 0) {
            dao.deleteIfNone(key);
        }
    }

    @Override
    public void clear(String key) {
        requireKey(key);
        dao.delete(key);
    }

    @Override
    public int purgeLastBefore(Instant cutoff) {
        return dao.deleteLastBefore(UtcTimes.toColumn(Objects.requireNonNull(cutoff, "'cutoff' must not be null")));
    }

    /** The UPDATE holds the row lock until commit, so the read in the same transaction sees exactly our count. */
    private Optional<LoginFailureRow> incrementAndRead(String key, OffsetDateTime now, OffsetDateTime windowStart) {
        return jdbi.inTransaction(handle -> {
            LoginFailureDao transactional = handle.attach(LoginFailureDao.class);
            return transactional.increment(key, now, windowStart) == 0 ? Optional.empty() : transactional.find(key);
        });
    }

    /** Runs outside any transaction: on PostgreSQL a failed INSERT would abort the surrounding transaction. */
    private boolean insertedFirst(String key, OffsetDateTime now) {
        try {
            dao.insertFirst(key, now);
            return true;
        } catch (JdbiException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("'key' must be 1-" + MAX_KEY_LENGTH + " characters and not blank");
        }
    }

    private static Failures toFailures(LoginFailureRow row) {
        return new Failures(row.failureKey(), row.failureCount(), UtcTimes.toInstant(row.firstAt()),
                UtcTimes.toInstant(row.lastAt()));
    }
}
