package org.aapf.application.service.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aapf.application.port.out.InstanceRef;
import org.aapf.domain.cluster.ClusterId;

/**
 * The one owner of the reconciler's timing: the backoff of each failing cluster and of {@code observe()}, the restart
 * clock of failed instances ({@link Restarts}), and from these and the passes' {@link ConvergeResult}s, how long the
 * loop sleeps before its next pass. Convergence only reads it ({@link RetryView}); the reconciler records what each
 * convergence returned. Kept in memory only and cleared at a new lease epoch: a new leader retries at once.
 */
final class RetrySchedule implements RetryView {

    /** {@code observe()} is backed off under this key. */
    private static final String OBSERVE = "observe";

    private final Clock clock;
    private final Duration busyInterval;
    private final Duration resyncInterval;
    private final Backoff<ClusterId> clusters;
    private final Backoff<String> observe;
    private final Restarts restarts;
    private Optional<Duration> soonest = Optional.empty();

    RetrySchedule(ReconcilerSettings settings, Clock clock) {
        this.clock = clock;
        this.busyInterval = settings.busyInterval();
        this.resyncInterval = settings.resyncInterval();
        this.clusters = new Backoff<>(settings.backoffBase(), settings.backoffMax());
        this.observe = new Backoff<>(settings.backoffBase(), settings.backoffMax());
        this.restarts = new Restarts(settings.restartDelay(), settings.backoffMax());
    }

    @Override
    public boolean mayAct(ClusterId cluster, Instant now) {
        return clusters.ready(cluster, now);
    }

    @Override
    public boolean restartDue(InstanceRef ref, Instant now) {
        return restarts.due(ref, now);
    }

    @Override
    public int restartsSoFar(InstanceRef ref) {
        return restarts.count(ref);
    }

    /** True when {@code observe()} may be tried now. */
    boolean mayObserve(Instant now) {
        return observe.ready(OBSERVE, now);
    }

    /** {@code observe()} failed; returns when it is tried again. */
    Instant observeFailed(Instant now) {
        return observe.failed(OBSERVE, now);
    }

    void observeSucceeded() {
        observe.succeeded(OBSERVE);
    }

    /** Takes what converging {@code cluster} returned: its backoff, its instances' restart clocks, an early look. */
    void record(ClusterId cluster, ConvergeResult result, Instant now) {
        result.sightings().forEach((ref, sighting) -> {
            if (sighting == ConvergeResult.Sighting.FAILED) {
                restarts.failed(ref, now);
            } else {
                restarts.notFailed(ref, sighting == ConvergeResult.Sighting.READY, now);
            }
        });
        result.replaced().forEach(restarts::replaced);
        switch (result.next()) {
            case SETTLED, PROGRESSING -> clusters.succeeded(cluster);
            case RETRY -> clusters.failed(cluster, now);
            case BACKING_OFF -> { }
        }
        result.rescheduleAfter().ifPresent(after ->
                soonest = Optional.of(soonest.filter(earlier -> earlier.compareTo(after) <= 0).orElse(after)));
    }

    /** Converging {@code cluster} ended in an unexpected exception: it backs off as after a failed call. */
    void crashed(ClusterId cluster, Instant now) {
        clusters.failed(cluster, now);
    }

    /** Ends a pass: forgets the restart clocks of instances the pass did not meet. */
    void endPass() {
        restarts.endPass();
    }

    /** A new lease epoch: everything starts over. */
    void clear() {
        clusters.clear();
        observe.clear();
        restarts.clear();
        soonest = Optional.empty();
    }

    /**
     * How long the loop waits before its next pass: the busy interval after a busy pass, else the resync interval;
     * sooner when a convergence asked for it, a backoff ends or a failed instance is due for replacement.
     */
    Duration untilNextPass(boolean busy) {
        Duration wait = busy ? busyInterval : resyncInterval;
        if (soonest.isPresent() && soonest.get().compareTo(wait) < 0) {
            wait = soonest.get();
        }
        soonest = Optional.empty();
        Instant now = clock.instant();
        for (Optional<Instant> due : List.of(clusters.nextRetry(), observe.nextRetry(), restarts.nextDue(now))) {
            if (due.isPresent()) {
                Duration untilDue = Duration.between(now, due.get());
                wait = untilDue.compareTo(wait) < 0 ? untilDue : wait;
            }
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }
}
