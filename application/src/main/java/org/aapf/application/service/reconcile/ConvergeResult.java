package org.aapf.application.service.reconcile;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aapf.application.port.out.InstanceRef;

/**
 * What converging one cluster did and when it wants another look: a decision returned as a value, as
 * java-operator-sdk's {@code UpdateControl.rescheduleAfter} is, so that {@link ClusterConvergence} keeps no timing
 * state and {@link RetrySchedule} alone turns decisions into waits.
 *
 * @param next when the cluster should be looked at again
 * @param complete for a cluster being deleted: nothing of it is left, so its row may go; for one stopping or stopped:
 *     no instance of it runs; always false for a live cluster
 * @param applied {@code apply} calls that succeeded
 * @param removed {@code remove}/{@code removeCluster} calls that succeeded
 * @param failures backend calls that failed
 * @param rescheduleAfter a look wanted sooner than the busy interval (a Spark worker about to register)
 * @param sightings the cluster's instances as this pass saw them, for the restart clock
 * @param replaced failed instances removed this pass so that they are applied afresh (restarted)
 */
record ConvergeResult(Next next, boolean complete, int applied, int removed, int failures,
        Optional<Duration> rescheduleAfter, Map<InstanceRef, Sighting> sightings, List<InstanceRef> replaced) {

    /** When a cluster wants its next look. */
    enum Next {
        /** Converged: nothing to do before the periodic resync; any backoff of the cluster is over. */
        SETTLED,
        /** Still changing (instances starting, terminating, waiting for their master): look again soon. */
        PROGRESSING,
        /** A backend call failed: look again soon, and act again once the cluster's backoff is over. */
        RETRY,
        /** Not acted on, an earlier failure's backoff still runs: look again soon, act once it is over. */
        BACKING_OFF;

        /** True when the pass should be followed by another one soon (the busy interval). */
        boolean soon() {
            return this != SETTLED;
        }
    }

    /** How an instance of the cluster looked, as far as restarting it goes. */
    enum Sighting {
        /** Failed for good: the backend does not restart it itself, so the reconciler replaces it in time. */
        FAILED,
        /** Ready (its restart count starts over once it has been ready long enough). */
        READY,
        /** Neither (absent, starting, or failed but restarted by the backend itself). */
        OTHER
    }

    ConvergeResult {
        Objects.requireNonNull(next, "'next' must not be null");
        Objects.requireNonNull(rescheduleAfter, "'rescheduleAfter' must not be null");
        sightings = Map.copyOf(sightings);
        replaced = List.copyOf(replaced);
    }

    /** Nothing was done: an earlier failure's backoff still runs. */
    static ConvergeResult backingOff(Map<InstanceRef, Sighting> sightings, Optional<Duration> rescheduleAfter) {
        return new ConvergeResult(Next.BACKING_OFF, false, 0, 0, 0, rescheduleAfter, sightings, List.of());
    }
}
