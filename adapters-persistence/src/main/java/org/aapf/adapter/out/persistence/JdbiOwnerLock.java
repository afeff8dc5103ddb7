package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Supplier;
import org.aapf.application.port.out.OwnerLock;
import org.aapf.domain.error.AapfException;
import org.aapf.domain.user.UserId;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * {@link OwnerLock} as a row lock on the owner's row of {@code owner_locks} ({@code SELECT ... FOR UPDATE}, which H2
 * and PostgreSQL both hold until the transaction ends), so it holds across every server sharing the database. The row
 * is added at the owner's first locked request. The lock is
 * taken on a connection of its own, kept open while {@code work} runs: the repositories {@code work} calls commit their
 * writes on their own connections before the lock is released, so the next holder reads them.
 */
public final class JdbiOwnerLock implements OwnerLock {

    private static final System.Logger LOG = System.getLogger(JdbiOwnerLock.class.getName());
    private static final String ADD = """
            INSERT INTO owner_locks (user_id)
            SELECT id FROM users WHERE id = :id AND NOT EXISTS (SELECT 1 FROM owner_locks WHERE user_id = :id)""";
    private static final String LOCK = "SELECT user_id FROM owner_locks WHERE user_id = :id FOR UPDATE";

    private final Jdbi jdbi;

    @Inject
    public JdbiOwnerLock(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
    }

    @Override
    public <T> T whileLocked(UserId owner, Supplier<T> work) {
        Handle handle = jdbi.open();
        try {
            lock(handle, owner);
            return work.get();
        } finally {
            release(handle);
        }
    }

    private static void lock(Handle handle, UserId owner) {
        try {
            addRow(handle, owner);
            handle.begin();
            if (handle.createQuery(LOCK).bind("id", owner.toString()).mapTo(String.class).findOne().isEmpty()) {
                throw AapfException.notFound("The owner no longer exists.");
            }
        } catch (JdbiException e) {
            if (SqlErrors.isWriteConflict(e) || SqlErrors.isLockTimeout(e)) {
                throw AapfException.unavailable("Another request of the same user is in progress; please try again.",
                        e);
            }
            throw e;
        }
    }

    /** Outside a transaction: a racing server that added the row first is no failure. */
    private static void addRow(Handle handle, UserId owner) {
        try {
            handle.createUpdate(ADD).bind("id", owner.toString()).execute();
        } catch (JdbiException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    /** Ending the transaction releases the lock; a failure here (the session ended meanwhile) releases it too. */
    private static void release(Handle handle) {
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
        } catch (JdbiException e) {
            LOG.log(Level.DEBUG, "Releasing an owner lock failed (the lock is gone with the session): {0}",
                    e.getMessage());
        } finally {
            handle.close();
        }
    }
}
