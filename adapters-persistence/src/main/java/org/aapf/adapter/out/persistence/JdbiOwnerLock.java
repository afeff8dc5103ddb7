package org.aapf.adapter.out.persistence;

import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>So a locked request needs two connections at once. At most half the pool holds locks at a time (other requests
 * wait their turn here, as long as they would wait for a connection), so that the writes of the holders always find a
 * connection: without this bound, as many users creating at once as the pool has connections would each hold a lock
 * and wait for a second connection that never comes, until every one of them failed.
 */
public final class JdbiOwnerLock implements OwnerLock {

    private static final System.Logger LOG = System.getLogger(JdbiOwnerLock.class.getName());
    private static final String ADD = """
            INSERT INTO owner_locks (user_id)
            SELECT id FROM users WHERE id = :id AND NOT EXISTS (SELECT 1 FROM owner_locks WHERE user_id = :id)""";
    private static final String LOCK = "SELECT user_id FROM owner_locks WHERE user_id = :id FOR UPDATE";

    private final Jdbi jdbi;
    private final Semaphore holders;

    @Inject
    public JdbiOwnerLock(Database database) {
        this(database.jdbi(), Math.max(1, database.maxConnections() / 2));
    }

    /** @param maxHolders how many locks this process holds at once; at most half its pool's connections */
    public JdbiOwnerLock(Jdbi jdbi, int maxHolders) {
        this.jdbi = Objects.requireNonNull(jdbi, "'jdbi' must not be null");
        if (maxHolders < 1) {
            throw new IllegalArgumentException("'maxHolders' must be >= 1");
        }
        this.holders = new Semaphore(maxHolders, true);
    }

    @Override
    public <T> T whileLocked(UserId owner, Supplier<T> work) {
        awaitTurn();
        try {
            Handle handle = jdbi.open();
            try {
                lock(handle, owner);
                return work.get();
            } finally {
                release(handle);
            }
        } finally {
            holders.release();
        }
    }

    private void awaitTurn() {
        try {
            if (!holders.tryAcquire(Database.CONNECTION_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                throw AapfException.unavailable("The server is busy with other users' requests; please try again.",
                        null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AapfException.unavailable("The request was interrupted; please try again.", e);
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
