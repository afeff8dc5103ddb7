package org.aapf.application.service.account;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.aapf.application.port.out.LoginAttemptRepository;
import org.aapf.application.port.out.SessionRepository;

/**
 * Deletes account records nobody can use any more, so that the tables stay as small as the live data: sessions that
 * ended (expired, logged out, or revoked by a password change) over {@link #SESSION_GRACE} ago, and failed-login
 * counts that no longer throttle anything (quiet for longer than both the throttling window and the longest backoff).
 * Deleting is idempotent, so every server process on a shared database may run it; none needs to lead.
 */
@Singleton
public final class AccountHousekeeping implements AutoCloseable {

    /** How long an ended session is kept: a refresh with it is refused the same whether its row exists or not. */
    public static final Duration SESSION_GRACE = Duration.ofHours(1);

    private static final System.Logger LOG = System.getLogger(AccountHousekeeping.class.getName());

    private final SessionRepository sessions;
    private final LoginAttemptRepository attempts;
    private final Clock clock;
    private final Duration failuresMatterFor;
    private ScheduledExecutorService scheduler;

    @Inject
    public AccountHousekeeping(SessionRepository sessions, LoginAttemptRepository attempts, Clock clock,
            AccountSettings settings) {
        this.sessions = sessions;
        this.attempts = attempts;
        this.clock = clock;
        AccountSettings.LoginThrottling rules = settings.throttling();
        this.failuresMatterFor = rules.window().compareTo(rules.maxBackoff()) > 0 ? rules.window() : rules.maxBackoff();
    }

    /** What one run deleted. */
    public record Purged(int sessions, int loginFailures) {
    }

    /** Deletes what has ended, once. */
    public Purged purgeOnce() {
        Instant now = clock.instant();
        return new Purged(sessions.purgeEndedBefore(now.minus(SESSION_GRACE)),
                attempts.purgeLastBefore(now.minus(failuresMatterFor)));
    }

    /** Runs {@link #purgeOnce()} now and then every {@code interval} on a daemon thread, until closed. */
    public synchronized void start(Duration interval) {
        if (scheduler != null) {
            throw new IllegalStateException("housekeeping already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("aapf-account-housekeeping").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::purgeLogged, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    private void purgeLogged() {
        try {
            Purged purged = purgeOnce();
            if (purged.sessions() + purged.loginFailures() > 0) {
                LOG.log(System.Logger.Level.INFO, "Deleted {0} ended sessions and {1} stale failed-login counts",
                        purged.sessions(), purged.loginFailures());
            }
        } catch (RuntimeException e) {
            // the database may be briefly unavailable; the next run tries again
            LOG.log(System.Logger.Level.WARNING, "Account housekeeping failed; retrying later: " + e.getMessage());
        }
    }
}
