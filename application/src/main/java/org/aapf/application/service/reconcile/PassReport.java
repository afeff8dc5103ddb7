package org.aapf.application.service.reconcile;

/**
 * What one reconcile pass did; for logs, tests and benchmarks.
 *
 * @param leader false when another reconciler holds the lease (nothing was done), or when the lease lapsed during
 *     the pass (it stopped before its next write)
 * @param backendReachable false when {@code observe()} failed or is backing off (only alerts were written)
 * @param clusters clusters examined
 * @param saved clusters written back (changed state)
 * @param deleted clusters removed from storage (deletion complete)
 * @param applied {@code apply} calls that succeeded
 * @param removed {@code remove}/{@code removeCluster} calls that succeeded
 * @param failures backend calls that failed (retried with backoff)
 * @param busy true when some cluster still changes (creating, deleting, lost a save race): pass again soon
 */
public record PassReport(boolean leader, boolean backendReachable, int clusters, int saved, int deleted,
        int applied, int removed, int failures, boolean busy) {

    static PassReport backendDown(int saved) {
        return new PassReport(true, false, 0, saved, 0, 0, 0, 1, false);
    }

    static PassReport notLeader() {
        return new PassReport(false, true, 0, 0, 0, 0, 0, 0, false);
    }

    /** The lease lapsed during the pass, which stopped before its next write; the next pass comes soon. */
    static PassReport leaseLapsed() {
        return new PassReport(false, true, 0, 0, 0, 0, 0, 0, true);
    }
}
