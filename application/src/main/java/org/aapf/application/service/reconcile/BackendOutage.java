package org.aapf.application.service.reconcile;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.aapf.domain.error.AapfException;

/**
 * What the log says about a backend that cannot be observed: one line when it goes away, a reminder every
 * {@code reminder} while it stays away (the reconciler's longest backoff, 5 min by default), and one line when it
 * answers again; never a stack trace per retry (the retries themselves are logged at DEBUG).
 */
final class BackendOutage {

    private static final System.Logger LOG = System.getLogger(Reconciler.class.getName());

    private enum State { REACHABLE, UNREACHABLE }

    private final String backend;
    private final Duration reminder;
    private State state = State.REACHABLE;
    private Instant since;
    private Instant reminded;

    BackendOutage(String backend, Duration reminder) {
        this.backend = backend;
        this.reminder = reminder;
    }

    boolean isUnreachable() {
        return state == State.UNREACHABLE;
    }

    /** An observation failed with {@code e}; the next try is at {@code retryAt}. */
    void failed(AapfException e, Instant now, Instant retryAt) {
        if (state == State.REACHABLE) {
            state = State.UNREACHABLE;
            since = now;
            reminded = now;
            LOG.log(Level.WARNING, "Backend " + backend + " cannot be observed (" + e.reason() + "): "
                    + withoutFinalStop(e.getMessage()) + "; cluster states are kept as last seen, retrying with backoff, a reminder every "
                    + reminder.toMinutes() + " min");
        } else if (!now.isBefore(reminded.plus(reminder))) {
            reminded = now;
            LOG.log(Level.WARNING, "Backend " + backend + " still cannot be observed after "
                    + round(Duration.between(since, now)) + " (" + e.reason() + "): " + e.getMessage());
        } else {
            LOG.log(Level.DEBUG, "Backend " + backend + " still cannot be observed, retrying at " + retryAt);
        }
    }

    /** The message as a clause of a longer sentence. */
    private static String withoutFinalStop(String message) {
        return message != null && message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    /** An observation succeeded. */
    void succeeded(Instant now) {
        if (state == State.UNREACHABLE) {
            state = State.REACHABLE;
            LOG.log(Level.INFO, "Backend " + backend + " can be observed again, after "
                    + round(Duration.between(since, now)));
        }
    }

    private static String round(Duration outage) {
        return outage.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
