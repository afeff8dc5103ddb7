package org.aapf.application.service.reconcile;

/** Counts what a pass does while it runs, from the values its steps return; becomes a {@link PassReport}. */
final class PassTally {

    int clusters;
    int saved;
    int deleted;
    int applied;
    int removed;
    int failures;
    boolean busy;

    /** Adds what converging one cluster did; a cluster that wants another look soon makes the pass busy. */
    void add(ConvergeResult result) {
        applied += result.applied();
        removed += result.removed();
        failures += result.failures();
        busy |= result.next().soon();
    }

    /** Adds what a save did; a cluster that lost its save to another writer makes the pass busy. */
    void add(PendingSaves.Saved result) {
        saved += result.saved();
        busy |= result.lostRaces() > 0;
    }

    PassReport report(boolean backendReachable) {
        return new PassReport(true, backendReachable, clusters, saved, deleted, applied, removed, failures, busy);
    }
}
