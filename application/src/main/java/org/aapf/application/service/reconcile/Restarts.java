package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.aapf.application.port.out.InstanceRef;

/**
 * When failed instances are replaced, like Kubernetes' CrashLoopBackOff: an instance seen failed is replaced a first
 * delay after the failure was first seen, and each further replacement in a row waits twice as long, up to a
 * maximum; once an instance has stayed ready for {@link #STABLE_AFTER} its count starts over. The delay gives the
 * user time to see the failure and keeps a crash loop from hammering the backend. Kept in memory only: a restarted
 * reconciler counts from zero.
 */
final class Restarts {

    static final Duration STABLE_AFTER = Duration.ofMinutes(10);

    private final Duration first;
    private final Duration max;
    private final Map<InstanceRef, Track> tracks = new HashMap<>();
    private final Set<InstanceRef> met = new HashSet<>();

    Restarts(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    /** Notes that the instance is failed and waits for the reconciler to replace it. */
    void failed(InstanceRef ref, Instant now) {
        met.add(ref);
        Track track = tracks.get(ref);
        if (track == null) {
            tracks.put(ref, new Track(0, Optional.of(now), Optional.empty()));
        } else if (track.failedAt().isEmpty()) {
            tracks.put(ref, new Track(track.restarts(), Optional.of(now), Optional.empty()));
        }
    }

    /** Notes that the instance is not failed (any more); a ready one long enough is forgotten. */
    void notFailed(InstanceRef ref, boolean ready, Instant now) {
        met.add(ref);
        Track track = tracks.get(ref);
        if (track == null) {
            return;
        }
        if (!ready) {
            tracks.put(ref, new Track(track.restarts(), Optional.empty(), Optional.empty()));
        } else if (track.readySince().isEmpty()) {
            tracks.put(ref, new Track(track.restarts(), Optional.empty(), Optional.of(now)));
        } else if (!now.isBefore(track.readySince().get().plus(STABLE_AFTER))) {
            tracks.remove(ref);
        }
    }

    /** True when the failed instance's wait is over and it should be replaced now. */
    boolean due(InstanceRef ref, Instant now) {
        return dueAt(ref).filter(at -> !now.isBefore(at)).isPresent();
    }

    /** How many times in a row the instance has been replaced so far. */
    int count(InstanceRef ref) {
        Track track = tracks.get(ref);
        return track == null ? 0 : track.restarts();
    }

    /** Records that the failed instance was replaced: one more replacement in a row, and it is not failed now. */
    void replaced(InstanceRef ref) {
        tracks.put(ref, new Track(count(ref) + 1, Optional.empty(), Optional.empty()));
    }

    /** The earliest replacement due after {@code now}, so that the reconciler wakes up for it. */
    Optional<Instant> nextDue(Instant now) {
        return tracks.keySet().stream().map(this::dueAt).flatMap(Optional::stream)
                .filter(at -> at.isAfter(now)).min(Instant::compareTo);
    }

    /** Ends a pass: forgets instances the pass did not meet (removed, or their cluster deleted). */
    void endPass() {
        tracks.keySet().retainAll(met);
        met.clear();
    }

    void clear() {
        tracks.clear();
        met.clear();
    }

    private Optional<Instant> dueAt(InstanceRef ref) {
        Track track = tracks.get(ref);
        return track == null ? Optional.empty() : track.failedAt().map(at -> at.plus(delay(track.restarts())));
    }

    /** The wait before the replacement that follows {@code previous} replacements in a row. */
    Duration delay(int previous) {
        Duration delay = first;
        for (int i = 0; i < previous && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /**
     * @param restarts replacements in a row so far
     * @param failedAt when the current failure was first seen; empty while the instance is not failed
     * @param readySince since when it has been ready without interruption
     */
    private record Track(int restarts, Optional<Instant> failedAt, Optional<Instant> readySince) {
    }
}
