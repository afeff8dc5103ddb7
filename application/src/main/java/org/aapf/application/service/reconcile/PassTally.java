package org.aapf.application.service.reconcile;

/** Counts what a pass does while it runs; becomes a {@link PassReport}. */
final class PassTally {

    int clusters;
    int saved;
    int deleted;
    int applied;
    int removed;
    int failures;
    boolean busy;

    PassReport report(boolean backendReachable) {
        return new PassReport(true, backendReachable, clusters, saved, deleted, applied, removed, failures, busy);
    }
}
